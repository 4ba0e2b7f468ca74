using System.Runtime.InteropServices;

namespace Codecov.Grains.Reports;

/// <summary>The lines of one file, keyed by line number (Codecov's <c>ReportFile</c>).</summary>
public sealed class FileReport(string path)
{
    private readonly Dictionary<int, ReportLine> lines = new();
    private ReportTotals? totals;

    public string Path { get; } = path;

    public int Count => lines.Count;

    public IEnumerable<KeyValuePair<int, ReportLine>> Lines => lines.OrderBy(l => l.Key);

    public ReportLine? this[int number] => lines.GetValueOrDefault(number);

    /// <summary>Adds a line, merging with what the line already holds (Codecov's <c>ReportFile.append</c>).</summary>
    public void Append(int number, ReportLine line)
    {
        // One hash lookup per line: this runs for every line of every upload and every merge.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(lines, number, out var exists);
        slot = exists ? ReportLine.Merge(slot!, line) : line;
        totals = null;
    }

    /// <summary>Replaces a line without merging.</summary>
    public void Set(int number, ReportLine line)
    {
        lines[number] = line;
        totals = null;
    }

    public bool Remove(int number)
    {
        totals = null;
        return lines.Remove(number);
    }

    public ReportTotals Totals => totals ??= ComputeTotals();

    /// <summary>Whether the file counts at all: Codecov drops files with no coverable line.</summary>
    public bool HasCoverage => Totals.Lines > 0;

    /// <summary>
    /// Merges another upload's lines into this file (Codecov's <c>ReportFile.merge</c>), including
    /// its Ruby quirk: a <c>.rb</c> file that is entirely misses yields to, or is replaced by, the other.
    /// </summary>
    public void Merge(FileReport other)
    {
        if (Path.EndsWith(".rb", StringComparison.Ordinal))
        {
            var mine = Totals;
            var theirs = other.Totals;
            var differ = theirs.Lines != mine.Lines || theirs.Misses != mine.Misses;
            if (mine.Lines == mine.Misses && differ)
            {
                lines.Clear();
                foreach (var (n, l) in other.lines) lines[n] = l;
                totals = null;
                return;
            }
            if (theirs.Lines == theirs.Misses && differ) return;
        }
        foreach (var (number, line) in other.lines) Append(number, line);
    }

    /// <summary>Drops every contribution of the given sessions (used when an upload is replaced).</summary>
    public void RemoveSessions(IReadOnlySet<int> sessionIds)
    {
        foreach (var number in lines.Keys.ToList())
        {
            var kept = lines[number].Without(sessionIds);
            if (kept is null) lines.Remove(number);
            else lines[number] = kept;
        }
        totals = null;
    }

    private ReportTotals ComputeTotals()
    {
        int hits = 0, misses = 0, partials = 0, branches = 0, methods = 0, complexity = 0, complexityTotal = 0;
        foreach (var line in lines.Values)
        {
            switch (line.Type)
            {
                case LineType.Hit: hits++; break;
                case LineType.Miss: misses++; break;
                case LineType.Partial: partials++; break;
            }
            if (line.Kind == LineKind.Branch) branches++;
            else if (line.Kind == LineKind.Method) methods++;
            if (line.Complexity is { } c)
            {
                complexity += c.Value;
                complexityTotal += c.Total ?? 0;
            }
        }
        var total = hits + misses + partials;
        return new ReportTotals(0, total, hits, misses, partials,
            total > 0 ? CoverageRatio.Of(hits, total) : null, branches, methods, 0, 0, complexity, complexityTotal, 0);
    }
}
