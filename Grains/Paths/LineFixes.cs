using System.Globalization;

namespace Codecov.Grains.Paths;

/// <summary>One file's line fixes: lines that are never coverable, and the file's last line (<c>eof</c>).</summary>
public sealed record FileLineFixes(int? Eof, IReadOnlySet<int> Lines);

/// <summary>
/// The upload's line fixes (<c>report_fixes</c> / <c>path_fixes</c> in the CLI JSON, <c># path=fixes</c>
/// in the legacy text; codecov-upload-protocol §5). The JSON's paths are used as given (worker
/// <c>VersionOneParsedRawReport.get_report_fixes</c>); the legacy text's paths go through the
/// upload's path fixer (<c>get_fixes_from_raw</c>), so they are resolved by <see cref="Resolve"/>.
/// </summary>
public sealed class LineFixes
{
    private readonly IReadOnlyDictionary<string, FileLineFixes>? repositoryPaths;
    private readonly IReadOnlyDictionary<string, LegacyEntry>? reportedPaths;

    private LineFixes(IReadOnlyDictionary<string, FileLineFixes>? repositoryPaths, IReadOnlyDictionary<string, LegacyEntry>? reportedPaths)
    {
        this.repositoryPaths = repositoryPaths;
        this.reportedPaths = reportedPaths;
    }

    public static LineFixes None { get; } = new(null, null);

    public bool IsEmpty => (repositoryPaths?.Count ?? 0) == 0 && (reportedPaths?.Count ?? 0) == 0;

    /// <summary>Fixes keyed by repository path, as the CLI sends them.</summary>
    public static LineFixes FromRepositoryPaths(IReadOnlyDictionary<string, FileLineFixes> fixes) => new(fixes, null);

    /// <summary>
    /// Parses the legacy block written by the bash uploader: <c>file:1,2,3</c>, <c>file:7:source text</c>
    /// and <c>EOF: 42 file</c>. Source text opening <c>/*</c> or <c>LCOV_EXCL_START</c> and closing
    /// <c>*/</c>, <c>LCOV_EXCL_STOP</c> or <c>LCOV_EXCL_END</c> also ignores the lines between.
    /// Malformed lines are skipped, as Codecov skips them.
    /// </summary>
    public static LineFixes FromLegacyText(string text)
    {
        var entries = new Dictionary<string, LegacyEntry>(StringComparer.Ordinal);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("EOF: ", StringComparison.Ordinal)) ReadEof(line, entries);
            else ReadLines(line, entries);
        }
        return new LineFixes(null, entries);
    }

    /// <summary>The fixes keyed by repository path; legacy paths the resolver drops are left out.</summary>
    public IReadOnlyDictionary<string, FileLineFixes> Resolve(IPathResolver paths)
    {
        if (repositoryPaths is not null) return repositoryPaths;
        var merged = new Dictionary<string, LegacyEntry>(StringComparer.Ordinal);
        foreach (var (reported, entry) in reportedPaths ?? new Dictionary<string, LegacyEntry>())
        {
            if (paths.Resolve(reported) is not { } path) continue;
            if (!merged.TryGetValue(path, out var target)) merged[path] = target = new LegacyEntry();
            target.Absorb(entry);
        }
        return merged.ToDictionary(kv => kv.Key, kv => kv.Value.ToFixes(), StringComparer.Ordinal);
    }

    private static void ReadEof(string line, Dictionary<string, LegacyEntry> entries)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 3 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var eof)) return;
        Entry(entries, parts[2]).Eof = eof;
    }

    private static void ReadLines(string line, Dictionary<string, LegacyEntry> entries)
    {
        var colon = line.IndexOf(':');
        if (colon < 0) return;
        var entry = Entry(entries, line[..colon]);
        var rest = line[(colon + 1)..];
        var second = rest.IndexOf(':');
        if (second < 0)
        {
            foreach (var number in rest.Split(','))
            {
                if (!TryLine(number, out var n)) return;
                entry.Lines.Add(n);
            }
            return;
        }
        if (!TryLine(rest[..second], out var lineNumber)) return;
        var source = rest[(second + 1)..].Trim();
        if (source.StartsWith("/*", StringComparison.Ordinal) || source.Contains("LCOV_EXCL_START", StringComparison.Ordinal))
            entry.CommentStarts.Add(lineNumber);
        else if (source.EndsWith("*/", StringComparison.Ordinal) || source.Contains("LCOV_EXCL_STOP", StringComparison.Ordinal)
                 || source.Contains("LCOV_EXCL_END", StringComparison.Ordinal))
            entry.CommentStops.Add(lineNumber);
        entry.Lines.Add(lineNumber);
    }

    private static bool TryLine(string text, out int line) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out line);

    private static LegacyEntry Entry(Dictionary<string, LegacyEntry> entries, string reported)
    {
        if (!entries.TryGetValue(reported, out var entry)) entries[reported] = entry = new LegacyEntry();
        return entry;
    }

    private sealed class LegacyEntry
    {
        public int? Eof { get; set; }
        public HashSet<int> Lines { get; } = [];
        public List<int> CommentStarts { get; } = [];
        public List<int> CommentStops { get; } = [];

        public void Absorb(LegacyEntry other)
        {
            Eof = other.Eof ?? Eof;
            Lines.UnionWith(other.Lines);
            CommentStarts.AddRange(other.CommentStarts);
            CommentStops.AddRange(other.CommentStops);
        }

        /// <summary>The n-th comment start pairs with the n-th stop (both sorted); the lines strictly between are ignored.</summary>
        public FileLineFixes ToFixes()
        {
            var lines = new HashSet<int>(Lines);
            var starts = CommentStarts.Order().ToList();
            var stops = CommentStops.Order().ToList();
            for (var i = 0; i < starts.Count && i < stops.Count; i++)
                for (var n = starts[i] + 1; n < stops[i]; n++) lines.Add(n);
            return new FileLineFixes(Eof, lines);
        }
    }
}
