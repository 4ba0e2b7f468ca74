using Codecov.Grains.Reports;

// Not "Tests.Reports": that namespace would shadow Codecov.Grains.Reports for files that write "Reports.X".
namespace Codecov.Grains.Tests.ReportMerging;

/// <summary>
/// Codecov's merge table, pinned case by case from codecov-semantics §1 "Merging sessions on one line"
/// (shared/utils/merge.py <c>merge_coverage</c>, <c>merge_branch</c>, <c>merge_missed_branches</c>).
/// </summary>
public sealed class CoverageMergeTableTests
{
    private static CoverageValue Hits(long n) => CoverageValue.FromHits(n);
    private static CoverageValue Br(int c, int t) => CoverageValue.FromBranches(c, t);
    private static MissingBranches Missing(params string[] ids) => MissingBranches.Of(ids);

    private static CoverageValue Merge(CoverageValue a, CoverageValue b) => CoverageMerge.Merge(a, b, MissingBranches.Unknown);

    [Theory]
    [InlineData(3, 5, 5)]
    [InlineData(5, 3, 5)]
    [InlineData(0, 4, 4)]
    [InlineData(2, 2, 2)]
    public void Merging_two_hit_counts_keeps_the_higher_one_and_never_sums(long a, long b, long expected) =>
        Assert.Equal(Hits(expected), Merge(Hits(a), Hits(b)));

    [Fact]
    public void A_missing_value_yields_to_the_other() =>
        Assert.Equal((Br(1, 2), Hits(0)), (Merge(CoverageValue.None, Br(1, 2)), Merge(Hits(0), CoverageValue.None)));

    [Fact]
    public void Minus_one_wins_over_everything() =>
        Assert.All([Hits(9), Hits(0), Br(2, 2), Br(0, 3), CoverageValue.Partial], v =>
        {
            Assert.Equal(CoverageValue.Skipped, Merge(v, CoverageValue.Skipped));
            Assert.Equal(CoverageValue.Skipped, Merge(CoverageValue.Skipped, v));
        });

    [Fact]
    public void A_hit_merged_with_a_branch_fraction_makes_it_fully_covered() =>
        Assert.Equal((Br(4, 4), Br(4, 4)), (Merge(Hits(1), Br(1, 4)), Merge(Br(0, 4), Hits(7))));

    [Fact]
    public void A_miss_merged_with_a_branch_fraction_leaves_the_fraction() =>
        Assert.Equal((Br(1, 4), Br(1, 4)), (Merge(Hits(0), Br(1, 4)), Merge(Br(1, 4), Hits(0))));

    [Fact]
    public void Two_fractions_with_known_missing_branches_count_the_branches_left_missing() =>
        // "(t − len(missing))/t", t taken from the first value.
        Assert.Equal(Br(3, 4), CoverageMerge.Merge(Br(1, 4), Br(2, 4), Missing("b3")));

    [Fact]
    public void Two_fractions_with_no_branch_left_missing_are_fully_covered() =>
        Assert.Equal(Br(4, 4), CoverageMerge.Merge(Br(1, 4), Br(3, 4), MissingBranches.None));

    [Fact]
    public void More_missing_branches_than_branches_floor_at_zero() =>
        Assert.Equal(Br(0, 2), CoverageMerge.Merge(Br(1, 2), Br(1, 2), Missing("a", "b", "c")));

    [Theory]
    [InlineData(1, 2, 1, 2, 1, 2)] // equal → unchanged
    [InlineData(2, 2, 1, 3, 2, 2)] // a full fraction wins
    [InlineData(1, 3, 3, 3, 3, 3)]
    [InlineData(1, 4, 2, 3, 2, 4)] // otherwise max(c)/max(t)
    [InlineData(3, 5, 1, 6, 3, 6)]
    public void Merge_branch_keeps_a_full_fraction_or_takes_the_larger_halves(int c1, int t1, int c2, int t2, int c, int t) =>
        Assert.Equal(Br(c, t), CoverageMerge.MergeBranch(Br(c1, t1), Br(c2, t2)));

    [Fact]
    public void Merge_branch_prefers_a_positive_hit_count_and_skips_zero_and_partial() =>
        Assert.Equal((Hits(3), Br(1, 2), Br(1, 2)),
            (CoverageMerge.MergeBranch(Br(1, 2), Hits(3)), CoverageMerge.MergeBranch(Hits(0), Br(1, 2)), CoverageMerge.MergeBranch(CoverageValue.Partial, Br(1, 2))));

    [Fact]
    public void Missing_branches_across_sessions_are_intersected()
    {
        var line = new ReportLine(LineKind.Branch,
        [
            new LineSession(1, Br(2, 4), Missing("a", "b")),
            new LineSession(2, Br(2, 4), Missing("b", "c")),
        ]);
        // Only "b" was missed by both uploads: 3 of 4 branches are covered.
        Assert.Equal(Br(3, 4), line.Coverage);
    }

    [Fact]
    public void Disjoint_missing_branches_merge_a_partial_line_into_a_hit()
    {
        // An LCOV and a Cobertura upload of the same run, each missing a different branch (issue 3, "Correctness").
        var line = new ReportLine(LineKind.Branch,
        [
            new LineSession(1, Br(1, 2), Missing("0:1")),
            new LineSession(2, Br(1, 2), Missing("0:0")),
        ]);
        Assert.Equal(LineType.Hit, line.Type);
    }

    [Fact]
    public void A_hit_session_without_branch_data_ends_the_missing_branches()
    {
        var line = new ReportLine(LineKind.Branch,
        [
            new LineSession(1, Br(1, 3), Missing("a", "b")),
            new LineSession(2, Hits(5), MissingBranches.Unknown),
        ]);
        Assert.Equal(Br(3, 3), line.Coverage);
    }

    [Fact]
    public void A_partial_and_a_single_hit_keep_the_first_one_as_python_max_does()
    {
        // merge_coverage compares True and 1 as equal numbers and max() keeps the first: Codecov's merge
        // is order-dependent here, which is why the commutativity property leaves True + 1 out.
        Assert.Equal((CoverageValue.Partial, Hits(1)), (Merge(CoverageValue.Partial, Hits(1)), Merge(Hits(1), CoverageValue.Partial)));
        Assert.Equal(Hits(2), Merge(CoverageValue.Partial, Hits(2)));
    }

    [Fact]
    public void A_true_partial_among_fractions_with_known_missing_branches_depends_on_its_place_in_the_fold()
    {
        // merge_coverage("0/4", True) reads True as a number and sets the missing branches to [] for that
        // step ("4/4"); the next fraction step uses the line's real missing branches again ("1/4").
        // Found by MergePropertyTests; Codecov does the same, so the property leaves it out.
        LineSession[] sessions =
        [
            new(1, Br(0, 4), Missing("0", "1", "2", "3")),
            new(2, CoverageValue.Partial, MissingBranches.Unknown),
            new(3, Br(1, 4), Missing("0", "2", "3")),
        ];
        Assert.Equal(Br(1, 4), new ReportLine(LineKind.Branch, sessions).Coverage);
        Assert.Equal(Br(4, 4), new ReportLine(LineKind.Branch, [sessions[2], sessions[0], sessions[1]]).Coverage);
    }
}
