using Codecov.Grains.Reports;

// Not "Tests.Reports": that namespace would shadow Codecov.Grains.Reports for files that write "Reports.X".
namespace Codecov.Grains.Tests.ReportMerging;

/// <summary>
/// A random upload's report, decoded from a list of integers (so CsCheck can shrink it): each integer
/// picks a file, a line and a coverage value — hits, misses, <c>"c/t"</c> branches with or without
/// their missed branch ids, <c>True</c> partials and <c>-1</c>.
/// <para>
/// The values stay inside the domain where Codecov's merge is order-free (see <see cref="MergePropertyTests"/>):
/// a line has one branch count whichever upload reports it; a fraction with known missed branches
/// has <c>c = t − missing</c>; a line is a plain line or a branch line, never a method in one upload and a
/// branch in another; no <c>.rb</c> files (their all-miss rule replaces whole files); <c>True</c> partials only
/// on lines without branch fractions; and, when <paramref name="TruePartials"/> is on, no hit count of
/// exactly 1 (Python's <c>max(True, 1)</c> keeps the first).
/// </para>
/// </summary>
public sealed record SessionReportSpec(int SessionId, int[] Entries, bool TruePartials)
{
    private static readonly string[] Files = ["src/a.py", "src/b.cs", "lib/c.go"];

    public CoverageReport Build()
    {
        var lines = new Dictionary<(string, int), ReportLine>();
        foreach (var entry in Entries)
        {
            var x = (uint)entry;
            var file = Files[x % 3];
            var number = (int)(x / 3 % 12) + 1;
            lines[(file, number)] = Line(number, x / 36);
        }
        var report = new CoverageReport();
        report.AddSession(SessionId);
        foreach (var ((file, number), line) in lines) report.GetOrAddFile(file).Append(number, line);
        return report;
    }

    public override string ToString() => $"session {SessionId}: [{string.Join(", ", Entries)}]";

    /// <summary>Even lines are branch lines with a fixed branch count; odd lines hold counts only.</summary>
    private ReportLine Line(int number, uint choice)
    {
        var variant = choice % 8;
        var rest = choice / 8;
        if (variant == 7) return Plain(CoverageValue.Skipped);
        if (number % 2 == 1) return Plain(Count(variant, rest, truePartial: TruePartials));
        if (variant < 3) return Plain(Count(variant, rest, truePartial: false));

        var total = (number % 3) + 2;
        if (variant is 3 or 4)
        {
            // Known missed branches, the fraction agreeing with them.
            var missed = Enumerable.Range(0, total).Where(i => (rest >> i & 1) == 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return Branch(CoverageValue.FromBranches(total - missed.Count, total), MissingBranches.Of(missed));
        }
        return Branch(CoverageValue.FromBranches((int)(rest % (uint)(total + 1)), total), MissingBranches.Unknown);
    }

    private CoverageValue Count(uint variant, uint rest, bool truePartial)
    {
        if (truePartial && variant == 2) return CoverageValue.Partial;
        var hits = (long)(rest % 4);
        // With True partials, a count of 1 would tie with True (see the class summary).
        if (TruePartials && hits == 1) hits = 2;
        return CoverageValue.FromHits(hits);
    }

    private ReportLine Plain(CoverageValue value) =>
        new(LineKind.Line, new LineSession(SessionId, value, MissingBranches.Unknown));

    private ReportLine Branch(CoverageValue value, MissingBranches missing) =>
        new(LineKind.Branch, new LineSession(SessionId, value, missing));
}
