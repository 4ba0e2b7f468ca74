using System.Globalization;
using System.Text;

namespace Codecov.Grains.Formats;

/// <summary>Line-by-line access to a text report, decoded as Codecov decodes it (UTF-8, bad bytes replaced).</summary>
internal static class ReportText
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static IEnumerable<string> Lines(Stream content)
    {
        using var reader = new StreamReader(content, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        while (reader.ReadLine() is { } line) yield return line;
    }

    /// <summary>Python's <c>int(text)</c>: surrounding white space and a sign are allowed; null when it would raise.</summary>
    public static long? ParseInt(string text) => ParseInt(text.AsSpan());

    /// <summary>ASCII digits and nothing else (no sign, space or point); null for anything else, which <see cref="ParseInt(ReadOnlySpan{char})"/> reads.</summary>
    public static long? PlainDigits(ReadOnlySpan<char> text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <inheritdoc cref="PlainDigits(ReadOnlySpan{char})"/>
    public static long? PlainDigits(ReadOnlySpan<byte> utf8) =>
        long.TryParse(utf8, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <inheritdoc cref="ParseInt(string)"/>
    public static long? ParseInt(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        // Digits beyond long's range: Python keeps the big number; a hit count that large is saturated.
        var digits = t.TrimStart("+-");
        if (digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')) return t[0] == '-' ? long.MinValue : long.MaxValue;
        return null;
    }
}
