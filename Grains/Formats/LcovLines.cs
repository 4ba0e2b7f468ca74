using System.Runtime.CompilerServices;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// The lines of one LCOV record before they join the session's file: <c>DA</c> counts of one
/// line merge (the higher count, as two records of one session merge), and a branch line
/// replaces the count. Held as values, not line objects, and reused from record to record.
/// </summary>
internal sealed class LcovLines
{
    // Line numbers below this find their entry through an array; the rest (rare, or hostile) through a
    // dictionary. The array stays under the large-object threshold (85,000 bytes): one is made per upload.
    private const int DenseLimit = 1 << 14;

    private readonly int[] dense = new int[DenseLimit];
    private readonly Dictionary<int, int> sparse = [];
    private readonly List<Entry> entries = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddHits(int number, long hits)
    {
        if (Find(number) is { } at)
        {
            var before = entries[at];
            // Both are hit counts of one session: CoverageMerge keeps the higher.
            if (before.Coverage.Kind == CoverageKind.Hits && hits > before.Coverage.Hits)
                entries[at] = before with { Coverage = CoverageValue.FromHits(hits) };
            else if (before.Coverage.Kind != CoverageKind.Hits)
                entries[at] = before with { Coverage = CoverageMerge.Merge(before.Coverage, CoverageValue.FromHits(hits), MissingBranches.Unknown) };
            return;
        }
        Add(new Entry(number, LineKind.Line, CoverageValue.FromHits(hits), MissingBranches.Unknown));
    }

    /// <summary>Replaces the line, as lcov.py writes a branch line over its count.</summary>
    public void Set(int number, LineKind kind, CoverageValue coverage, MissingBranches missing)
    {
        var entry = new Entry(number, kind, coverage, missing);
        if (Find(number) is { } at) entries[at] = entry;
        else Add(entry);
    }

    /// <summary>Hands every line to the session's file and empties the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTo(ReportBuilder builder, string path)
    {
        foreach (var entry in entries) builder.AddLine(path, entry.Number, entry.Kind, entry.Coverage, entry.Missing);
        Clear();
    }

    public void Clear()
    {
        foreach (var entry in entries)
        {
            if ((uint)entry.Number < DenseLimit) dense[entry.Number] = 0;
        }
        if (sparse.Count > 0) sparse.Clear();
        entries.Clear();
    }

    private int? Find(int number)
    {
        if ((uint)number < DenseLimit) return dense[number] is > 0 and var slot ? slot - 1 : null;
        return sparse.TryGetValue(number, out var at) ? at : null;
    }

    private void Add(Entry entry)
    {
        if ((uint)entry.Number < DenseLimit) dense[entry.Number] = entries.Count + 1;
        else sparse[entry.Number] = entries.Count;
        entries.Add(entry);
    }

    private readonly record struct Entry(int Number, LineKind Kind, CoverageValue Coverage, MissingBranches Missing);
}
