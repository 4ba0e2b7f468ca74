using System.Text;
using Codecov.Grains.Paths;

namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// The legacy text envelope of the Node, bash and npm uploaders and the CLI's legacy mode
/// (codecov-upload-protocol §5a; worker <c>parser/legacy.py</c>). Sections end at
/// <c>&lt;&lt;&lt;&lt;&lt;&lt; network</c>, <c>ENV</c> or <c>EOF</c> wherever those appear, not only at line
/// starts; each section is whitespace-trimmed and may open with a <c># path=</c> line.
/// </summary>
public static class LegacyEnvelope
{
    private static readonly byte[] IgnoreMarker = "==FROMNOWONIGNOREDBYCODECOV==>>>"u8.ToArray();
    private static readonly byte[] SeparatorStart = "<<<<<<"u8.ToArray();
    private static readonly byte[] PathPrefix = "# path="u8.ToArray();
    private static readonly byte[][] Separators =
    [
        "<<<<<< network"u8.ToArray(),
        "<<<<<< ENV"u8.ToArray(),
        "<<<<<< EOF"u8.ToArray(),
    ];

    private enum Footer { None, Network, Env, Eof }

    public static UploadPayload Parse(ReadOnlyMemory<byte> body)
    {
        var marker = body.Span.IndexOf(IgnoreMarker);
        if (marker >= 0) body = body[..marker];

        IReadOnlyList<string>? network = null;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var fixes = LineFixes.None;
        var files = new List<CoverageFile>();
        foreach (var (start, end, footer) in Sections(body.Span))
        {
            if (ReadSection(body, start, end) is not var (name, content)) continue;
            // Codecov keeps the last network and ENV section and the last fixes block.
            if (footer == Footer.Network) network = NetworkList.Clean(Text(content));
            else if (footer == Footer.Env) env = ParseEnv(Text(content));
            else if (name == "fixes") fixes = LineFixes.FromLegacyText(Text(content));
            else files.Add(new CoverageFile(name ?? "", content));
        }
        return new UploadPayload(network, files, env, fixes);
    }

    /// <summary>Every section as (start, end, footer); the part after the last separator has no footer.</summary>
    private static IEnumerable<(int Start, int End, Footer Footer)> Sections(ReadOnlySpan<byte> body)
    {
        var sections = new List<(int, int, Footer)>();
        var sectionStart = 0;
        var position = 0;
        while (position <= body.Length)
        {
            var found = body[position..].IndexOf(SeparatorStart);
            if (found < 0) break;
            var at = position + found;
            var footer = SeparatorAt(body, at, out var length);
            if (footer == Footer.None)
            {
                position = at + 1;
                continue;
            }
            sections.Add((sectionStart, at, footer));
            sectionStart = position = at + length;
        }
        sections.Add((sectionStart, body.Length, Footer.None));
        return sections;
    }

    private static Footer SeparatorAt(ReadOnlySpan<byte> body, int at, out int length)
    {
        for (var i = 0; i < Separators.Length; i++)
        {
            if (!body[at..].StartsWith(Separators[i])) continue;
            length = Separators[i].Length;
            return (Footer)(i + 1);
        }
        length = 0;
        return Footer.None;
    }

    /// <summary>The trimmed section, its <c># path=</c> name if it has one, or null when it is blank.</summary>
    private static (string? Name, ReadOnlyMemory<byte> Content)? ReadSection(ReadOnlyMemory<byte> body, int start, int end)
    {
        var span = body.Span;
        while (start < end && IsWhitespace(span[start])) start++;
        while (start < end && IsWhitespace(span[end - 1])) end--;
        if (start >= end) return null;
        string? name = null;
        if (span[start..end].StartsWith(PathPrefix))
        {
            var newline = span[start..end].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? end : start + newline + 1;
            var nameBytes = span[(start + PathPrefix.Length)..lineEnd];
            // Python's split(b"# path=")[1]: a second marker on the line ends the name.
            var again = nameBytes.IndexOf(PathPrefix);
            if (again >= 0) nameBytes = nameBytes[..again];
            name = Text(nameBytes).Trim();
            start = lineEnd;
            while (start < end && IsWhitespace(span[start])) start++;
        }
        return (name, body[start..end]);
    }

    /// <summary><c>VAR=value</c> lines; lines without <c>=</c> are skipped, as Codecov skips them.</summary>
    private static Dictionary<string, string> ParseEnv(string text)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq >= 0) env[line[..eq]] = line[(eq + 1)..].TrimEnd('\r');
        }
        return env;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Text(bytes.Span);

    /// <summary>Decoded with replacement characters for invalid UTF-8, as Codecov decodes with <c>errors="replace"</c>.</summary>
    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Python's <c>string.whitespace</c>: space, tab, LF, CR, VT, FF.</summary>
    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c;
}
