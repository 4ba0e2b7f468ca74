using CsCheck;
using Codecov.Grains.Reports;

// Not "Tests.Reports": that namespace would shadow Codecov.Grains.Reports for files that write "Reports.X".
namespace Codecov.Grains.Tests.ReportMerging;

/// <summary>
/// Properties of merging uploads into a commit report (issue 3, "Correctness"): the totals do not
/// depend on the order or grouping of the merges, and merging the same session again changes nothing.
/// <para>
/// Codecov's own merge is not order-free everywhere: <c>merge_all</c> folds the sessions in order, and
/// (1) <c>max(True, 1)</c> keeps whichever comes first (partial or hit), (2) two fractions with known
/// missed branches take <c>t</c> from the first, so uploads disagreeing on a line's branch count give
/// different results by order, (3) a <c>True</c> partial merged into a fraction counts as "every branch
/// taken" for that one step only (it is not a hit, so it does not clear the line's missed branches), so
/// where it falls in the fold decides the result, (4) a line's type is the first non-plain one, and (5) the
/// <c>.rb</c> all-miss rule replaces whole files. We reproduce Codecov, so the properties hold on the domain
/// without those cases (<see cref="SessionReportSpec"/>); cases (1) and (3) are pinned in <see cref="CoverageMergeTableTests"/>.
/// </para>
/// </summary>
public sealed class MergePropertyTests
{
    private const int Iterations = 300;

    private static Gen<SessionReportSpec> Session(int id, bool truePartials) =>
        Gen.Int[0, int.MaxValue].Array[1, 30].Select(entries => new SessionReportSpec(id, entries, truePartials));

    private static Gen<(SessionReportSpec, SessionReportSpec, SessionReportSpec)> ThreeSessions =>
        Gen.Bool.SelectMany(truePartials => Gen.Select(Session(1, truePartials), Session(2, truePartials), Session(3, truePartials)));

    private static ReportTotals Merged(params SessionReportSpec[] sessions)
    {
        var report = new CoverageReport();
        foreach (var session in sessions) report.Merge(session.Build());
        return report.Totals;
    }

    [Fact]
    public void Merging_two_sessions_gives_the_same_totals_in_either_order() =>
        ThreeSessions.Sample((a, b, _) => Assert.Equal(Merged(a, b), Merged(b, a)), iter: Iterations, threads: 1);

    [Fact]
    public void Merging_three_sessions_gives_the_same_totals_in_any_order() =>
        ThreeSessions.Sample((a, b, c) =>
        {
            var expected = Merged(a, b, c);
            Assert.Equal(expected, Merged(c, a, b));
            Assert.Equal(expected, Merged(b, c, a));
            Assert.Equal(expected, Merged(c, b, a));
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Merging_is_associative_on_totals() =>
        ThreeSessions.Sample((a, b, c) =>
        {
            var left = a.Build();
            left.Merge(b.Build());
            left.Merge(c.Build());
            var right = b.Build();
            right.Merge(c.Build());
            var grouped = a.Build();
            grouped.Merge(right);
            Assert.Equal(left.Totals, grouped.Totals);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void Merging_the_same_session_twice_changes_nothing() =>
        ThreeSessions.Sample((a, b, _) =>
        {
            var once = a.Build();
            once.Merge(b.Build());
            var twice = a.Build();
            twice.Merge(b.Build());
            twice.Merge(b.Build());
            twice.Merge(a.Build());
            Assert.Equal(once.Totals, twice.Totals);
        }, iter: Iterations, threads: 1);

    [Fact]
    public void A_line_covered_by_two_sessions_counts_once() =>
        ThreeSessions.Sample((a, b, _) =>
        {
            var merged = Merged(a, b);
            var (ta, tb) = (a.Build().Totals, b.Build().Totals);
            // At most the sum (a -1 from either session removes a line, so no lower bound beyond zero).
            Assert.InRange(merged.Lines, 0, ta.Lines + tb.Lines);
            Assert.Equal(merged.Lines, merged.Hits + merged.Misses + merged.Partials);
        }, iter: Iterations, threads: 1);
}
