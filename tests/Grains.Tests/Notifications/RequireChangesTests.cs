using Codecov.Grains.Notifications.Comments;
using static Codecov.Grains.Tests.Notifications.Reports;

namespace Codecov.Grains.Tests.Notifications;

// codecov-semantics §4 "Conditions": coverage_drop, uncovered_patch, any_change with and/or.
public sealed class RequireChangesTests
{
    private static readonly Codecov.Grains.Reports.Comparison.CoverageComparison Dropped =
        Compare(WithCoverage(90, 100), WithCoverage(80, 100));

    private static readonly Codecov.Grains.Reports.Comparison.CoverageComparison FullyCoveredPatch =
        Compare(Build(("a.c", "h")), Build(("a.c", "hh")), Modified("a.c", Segment(1, 1, " a", "+b")));

    [Fact]
    public void False_never_blocks_and_true_needs_any_change()
    {
        var unchanged = Compare(WithCoverage(1, 2), WithCoverage(1, 2));
        Assert.True(RequireChanges.IsMet("false", unchanged, 0));
        Assert.False(RequireChanges.IsMet("true", unchanged, 0));
        Assert.True(RequireChanges.IsMet("true", FullyCoveredPatch, 0));
    }

    [Fact]
    public void Coverage_drop_respects_the_project_threshold()
    {
        Assert.True(RequireChanges.IsMet("coverage_drop", Dropped, 0));
        Assert.False(RequireChanges.IsMet("coverage_drop", Dropped, 10));
        Assert.True(RequireChanges.IsMet("coverage_drop", Compare(null, WithCoverage(1, 2)), 0));
    }

    [Fact]
    public void And_groups_must_all_hold_and_or_alternatives_need_one()
    {
        Assert.False(RequireChanges.IsMet("coverage_drop and uncovered_patch", Dropped, 0));
        Assert.True(RequireChanges.IsMet("uncovered_patch or coverage_drop", Dropped, 0));
        // Codecov reads this as uncovered_patch and (coverage_drop or any_change).
        Assert.False(RequireChanges.IsMet("uncovered_patch and coverage_drop or any_change", FullyCoveredPatch, 0));
        Assert.True(RequireChanges.IsMet("any_change or uncovered_patch and coverage_drop or any_change", FullyCoveredPatch, 0));
        Assert.False(RequireChanges.IsMet("uncovered_patch", FullyCoveredPatch, 0));
    }
}
