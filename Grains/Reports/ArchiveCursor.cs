using System.Globalization;
using System.Text;

namespace Codecov.Grains.Reports;

/// <summary>Reads a <see cref="ReportArchive"/> line by line and words its errors with the line number.</summary>
internal sealed class ArchiveCursor(TextReader reader)
{
    /// <summary>The 1-based number of the line read last.</summary>
    public int Number { get; private set; }

    public async Task<string?> NextAsync(CancellationToken cancellationToken)
    {
        string? line;
        try
        {
            line = await reader.ReadLineAsync(cancellationToken);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"Report archive is corrupt near line {Number + 1}: it is not valid UTF-8.", e);
        }
        if (line is not null) Number++;
        return line;
    }

    public int Int(string text, string what)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw Corrupt($"'{text}' is not a valid {what}");
    }

    public string Unescape(string text) => ArchiveText.Unescape(text) ?? throw Corrupt($"'{text}' has a malformed %-escape");

    public InvalidDataException Corrupt(string reason, Exception? inner = null) =>
        new($"Report archive is corrupt at line {Number}: {reason}.", inner);
}
