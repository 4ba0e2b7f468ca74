using System.Globalization;
using System.Text;

namespace Codecov.Grains.Reports;

/// <summary>One line record of a <see cref="ReportArchive"/>: <c>number kind session;session…</c>.</summary>
internal static class ArchiveLine
{
    public static void Append(StringBuilder text, int number, ReportLine line)
    {
        text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(KindCode(line.Kind)).Append(' ');
        for (var i = 0; i < line.Sessions.Count; i++)
        {
            if (i > 0) text.Append(';');
            AppendSession(text, line.Sessions[i]);
        }
    }

    public static (int Number, ReportLine Line) Parse(ArchiveCursor cursor, string text)
    {
        var parts = text.Split(' ');
        if (parts.Length != 3) throw cursor.Corrupt("a line record ('<number> <kind> <sessions>') was expected");
        var number = cursor.Int(parts[0], "line number");
        var kind = ParseKind(cursor, parts[1]);
        var sessions = parts[2].Length == 0
            ? []
            : parts[2].Split(';').Select(s => ParseSession(cursor, s)).ToList();
        return (number, new ReportLine(kind, sessions));
    }

    private static void AppendSession(StringBuilder text, LineSession session)
    {
        text.Append(session.SessionId.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(session.Coverage.ToString()).Append(',');
        AppendMissing(text, session.Missing);
        text.Append(',');
        AppendComplexity(text, session.Complexity);
    }

    private static void AppendMissing(StringBuilder text, MissingBranches missing)
    {
        if (missing.Ids is null) { text.Append('?'); return; }
        if (missing.Ids.Count == 0) { text.Append('!'); return; }
        text.Append('=');
        for (var i = 0; i < missing.Ids.Count; i++)
        {
            if (i > 0) text.Append('|');
            text.Append(ArchiveText.Escape(missing.Ids[i]));
        }
    }

    private static void AppendComplexity(StringBuilder text, Complexity? complexity)
    {
        if (complexity is not { } c) { text.Append('_'); return; }
        text.Append(c.Value.ToString(CultureInfo.InvariantCulture));
        if (c.Total is { } total) text.Append('/').Append(total.ToString(CultureInfo.InvariantCulture));
    }

    private static LineSession ParseSession(ArchiveCursor cursor, string text)
    {
        var fields = text.Split(',');
        if (fields.Length != 4) throw cursor.Corrupt($"the session '{text}' does not have 4 fields");
        return new LineSession(
            cursor.Int(fields[0], "session id"),
            ParseCoverage(cursor, fields[1]),
            ParseMissing(cursor, fields[2]),
            ParseComplexity(cursor, fields[3]));
    }

    private static CoverageValue ParseCoverage(ArchiveCursor cursor, string text)
    {
        // CoverageValue.Parse reads "" as None; the archive always writes "null", so "" is damage.
        if (text.Length == 0) throw cursor.Corrupt("a coverage value is empty");
        try { return CoverageValue.Parse(text); }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw cursor.Corrupt($"'{text}' is not a coverage value", e);
        }
    }

    private static MissingBranches ParseMissing(ArchiveCursor cursor, string text)
    {
        if (text == "?") return MissingBranches.Unknown;
        if (text == "!") return MissingBranches.None;
        if (text.Length == 0 || text[0] != '=') throw cursor.Corrupt($"'{text}' is not a missing-branches field");
        // Ids are kept as written (no de-duplication) so the archive returns exactly what it was given.
        var ids = text[1..].Split('|').Select(cursor.Unescape).ToArray();
        return new MissingBranches(ids);
    }

    private static Complexity? ParseComplexity(ArchiveCursor cursor, string text)
    {
        if (text == "_") return null;
        var slash = text.IndexOf('/');
        if (slash < 0) return new Complexity(cursor.Int(text, "complexity"), null);
        return new Complexity(cursor.Int(text[..slash], "complexity"), cursor.Int(text[(slash + 1)..], "complexity total"));
    }

    private static char KindCode(LineKind kind) => kind switch
    {
        LineKind.Branch => 'b',
        LineKind.Method => 'm',
        _ => 'l',
    };

    private static LineKind ParseKind(ArchiveCursor cursor, string text) => text switch
    {
        "l" => LineKind.Line,
        "b" => LineKind.Branch,
        "m" => LineKind.Method,
        _ => throw cursor.Corrupt($"'{text}' is not a line kind (l, b or m)"),
    };
}
