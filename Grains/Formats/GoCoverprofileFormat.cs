using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// Go coverprofiles (<c>go test -coverprofile</c>, modes set/count/atomic), as Codecov's
/// <c>languages/go.py</c> reads them: every block is spread over each line it spans, and a line
/// touched by several blocks becomes a fraction of its covered column runs (codecov-semantics §3).
/// Module paths are not stripped here: path resolution maps them onto the repository.
/// </summary>
public sealed class GoCoverprofileFormat : ICoverageFormat
{
    /// <summary>A block spanning more lines than this is treated as corrupt instead of being expanded.</summary>
    private const int MaxBlockLines = 1_000_000;

    /// <summary>
    /// Lines a report may spread its blocks over: a fixed allowance plus this many per byte read.
    /// Real profiles spread well under one line per byte; a few bytes naming a huge block, repeated
    /// with small changes, would otherwise cost time and memory out of all proportion (found by the fuzz run).
    /// </summary>
    private const long SpreadAllowance = 2_000_000;
    private const long SpreadPerByte = 16;

    public string Name => "go";

    public bool Matches(ReportProbe probe) =>
        probe.Text.StartsWith("mode: ", StringComparison.Ordinal) || FirstLine(probe.Text).Contains(".go:", StringComparison.Ordinal);

    public void Parse(Stream content, ReportBuilder builder)
    {
        // go.py keys files by the name as written and dedupes identical blocks per line (a set).
        var files = new Dictionary<string, Dictionary<int, HashSet<GoSpan>>>(StringComparer.Ordinal);
        long bytesRead = 0, spread = 0;
        foreach (var line in ReportText.Lines(content))
        {
            bytesRead += line.Length + 1;
            if (line.Length == 0 || line.StartsWith("mode: ", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(':');
            // "file.go:19: calcP 100.0%" is a `go tool cover -func` outline, not a block.
            if (colon < 0 || colon == line.Length - 1 || line.EndsWith('%')) continue;
            var block = ParseBlock(line[(colon + 1)..]);
            if (!files.TryGetValue(line[..colon], out var lines)) files[line[..colon]] = lines = [];
            spread += Spread(block, lines);
            if (spread > SpreadAllowance + (SpreadPerByte * bytesRead))
            {
                throw ReportRejectedException.Malformed("Go coverprofile",
                    $"its blocks span {spread} lines from only {bytesRead} bytes; the profile is corrupt.");
            }
        }
        foreach (var (name, lines) in files)
        {
            if (builder.ResolvePath(name) is not { } path) continue;
            foreach (var (number, spans) in lines) builder.AddLine(path, number, LineCoverage(spans, builder.Settings));
        }
    }

    private static CoverageValue LineCoverage(HashSet<GoSpan> spans, ParserSettings settings)
    {
        var value = GoColumnRuns.Combine(spans) is { } runs
            ? runs.Count == 1 ? Hits(runs[0].Hits) : CoverageValue.FromBranches(runs.Count(r => r.Hits > 0), runs.Count)
            : Hits(spans.Max(s => s.Hits));
        // parsers.go.partials_as_hits (codecov-semantics §2).
        return settings.GoPartialsAsHits && value.Type == LineType.Partial ? CoverageValue.FromHits(1) : value;
    }

    private static CoverageValue Hits(long hits) => hits == -1 ? CoverageValue.Skipped : CoverageValue.FromHits(hits);

    /// <summary>go.py's expansion: the first line from its column, middle lines whole, the last line up to its column.</summary>
    /// <returns>How many lines the block was spread over.</returns>
    private static long Spread(GoBlock block, Dictionary<int, HashSet<GoSpan>> lines)
    {
        // In long: a start of int.MinValue once made the difference overflow and the loop below run for
        // billions of lines (a hang found by the fuzz run, Fuzz/Regressions/go-negative-block-start.txt).
        if (block.StartLine > ReportBuilder.MaxLineNumber || (long)block.EndLine - block.StartLine > MaxBlockLines) return 0;
        if (block.StartLine == block.EndLine)
        {
            Add(lines, block.StartLine, new GoSpan(block.StartColumn, block.EndColumn, block.Hits));
            return 1;
        }
        Add(lines, block.StartLine, new GoSpan(block.StartColumn, null, block.Hits));
        for (var n = Math.Max(block.StartLine + 1, 1); n < block.EndLine; n++) Add(lines, n, new GoSpan(0, null, block.Hits));
        // An end column of 1 or 2 is only the closing brace.
        if (block.EndColumn > 2) Add(lines, block.EndLine, new GoSpan(null, block.EndColumn, block.Hits));
        return Math.Max(0, (long)block.EndLine - Math.Max(block.StartLine, 0) + 1);
    }

    private static void Add(Dictionary<int, HashSet<GoSpan>> lines, int number, GoSpan span)
    {
        if (number < 1 || number > ReportBuilder.MaxLineNumber) return;
        if (!lines.TryGetValue(number, out var spans)) lines[number] = spans = [];
        spans.Add(span);
    }

    /// <summary><c>start.col,end.col statements count</c>; anything else is corrupt, as go.py raises.</summary>
    private static GoBlock ParseBlock(string text)
    {
        var parts = text.Split(' ', 3);
        var range = parts[0].Split(',', 2);
        if (parts.Length == 3 && range.Length == 2
            && Position(range[0]) is { } start && Position(range[1]) is { } end
            && ReportText.ParseInt(parts[2]) is { } hits)
        {
            return new GoBlock(start.Line, start.Column, end.Line, end.Column, hits);
        }
        throw ReportRejectedException.Malformed("Go coverprofile",
            $"the block \"{Shorten(text)}\" is not \"file.go:line.column,line.column statements count\".");
    }

    private static (int Line, int Column)? Position(string text)
    {
        var parts = text.Split('.', 2);
        if (parts.Length != 2 || ReportText.ParseInt(parts[0]) is not { } line || ReportText.ParseInt(parts[1]) is not { } column) return null;
        return ((int)Math.Clamp(line, int.MinValue, int.MaxValue), (int)Math.Clamp(column, int.MinValue, int.MaxValue));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private readonly record struct GoBlock(int StartLine, int StartColumn, int EndLine, int EndColumn, long Hits);
}

/// <summary>A block's share of one line: columns [Start, End) (null = line start / line end) and its count.</summary>
internal readonly record struct GoSpan(int? Start, int? End, long Hits);

/// <summary>A run of columns with one merged count; End null means "to the end of the line".</summary>
internal readonly record struct GoColumnRun(int Start, int? End, long Hits);

/// <summary>
/// Codecov's <c>combine_partials</c> (worker <c>languages/go.py</c>): columns take the highest count
/// of the spans covering them, and consecutive columns with equal counts form a run. Computed over
/// span boundaries rather than column by column, so absurd column numbers cost nothing.
/// </summary>
internal static class GoColumnRuns
{
    public static List<GoColumnRun>? Combine(IReadOnlyCollection<GoSpan> spans)
    {
        if (spans.Count == 1)
        {
            var only = spans.First();
            return [new GoColumnRun(only.Start ?? 0, only.End, only.Hits)];
        }
        var bounded = spans.Where(s => s.End is not null).Select(s => (Start: s.Start ?? 0, End: s.End!.Value, s.Hits)).ToList();
        var open = spans.Where(s => s.End is null).Select(s => (Start: s.Start ?? 0, s.Hits)).ToList();
        // One past the last column any bounded span covers; otherwise one past the last open start.
        var covering = bounded.Where(b => b.Start < b.End).ToList();
        var lastColumn = (covering.Count > 0 ? covering.Max(b => b.End - 1) : spans.Max(s => s.Start ?? 0)) + 1;
        var intervals = covering.Select(b => (b.Start, b.End, b.Hits))
            .Concat(open.Where(o => o.Start < lastColumn).Select(o => (o.Start, End: lastColumn, o.Hits))).ToList();

        var runs = Runs(intervals);
        if (runs.Count > 0 && runs[0].Start == 0 && runs[0].End == 1)
        {
            // A lone first column is noise (a closing brace).
            var dud = runs[0];
            runs.RemoveAt(0);
            if (runs.Count == 0) return [new GoColumnRun(0, null, dud.Hits)];
        }
        if (runs.Count > 0 && open.Count > 0)
        {
            var endOfLine = open.Max(o => o.Hits);
            var last = runs[^1];
            if (last.End == lastColumn && last.Hits == endOfLine) runs[^1] = last with { End = null };
            else runs.Add(new GoColumnRun(lastColumn, null, endOfLine));
        }
        return runs.Count == 0 ? null : runs;
    }

    /// <summary>Groups covered columns, in order, into runs of equal count; uncovered gaps do not break a run.</summary>
    private static List<GoColumnRun> Runs(List<(int Start, int End, long Hits)> intervals)
    {
        var bounds = intervals.SelectMany(i => new[] { i.Start, i.End }).Distinct().Order().ToArray();
        var runs = new List<GoColumnRun>();
        for (var k = 0; k + 1 < bounds.Length; k++)
        {
            var (from, to) = (bounds[k], bounds[k + 1]);
            long? hits = null;
            foreach (var i in intervals)
                if (i.Start <= from && to <= i.End) hits = hits is null ? i.Hits : Math.Max(hits.Value, i.Hits);
            if (hits is null) continue;
            if (runs.Count > 0 && runs[^1].Hits == hits) runs[^1] = runs[^1] with { End = to };
            else runs.Add(new GoColumnRun(from, to, hits.Value));
        }
        return runs;
    }
}
