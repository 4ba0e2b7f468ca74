using Codecov.Grains.Notifications;
using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Reports.Comparison;
using static Codecov.Grains.Tests.Notifications.Reports;

namespace Codecov.Grains.Tests.Notifications;

// codecov-semantics §4 "Project status" (removed_code_behavior) and gates 3–5 (flags, paths).
public sealed class RemovedCodeAndFilterTests
{
    // Base: three hits and a miss (75%). The change deletes the first two (covered) lines, so head
    // keeps one hit and one miss (50%): a failure that only removing covered code explains.
    private static CoverageComparison RemovedCoveredCode() => Compare(
        Build(("a.c", "hhhm")),
        Build(("a.c", "hm")),
        Modified("a.c", Segment(1, 1, "-one", "-two", " three", " four")));

    private static StatusResult? Run(StatusDefinition definition, CoverageComparison comparison) =>
        StatusEvaluator.Evaluate(definition, new StatusInputs(comparison, "feature", true, CoverageRounding.Default));

    [Fact]
    public void Adjust_base_passes_when_head_matches_the_base_without_removed_lines()
    {
        var result = Run(new(StatusType.Project), RemovedCoveredCode());
        // max(0, Decimal("0.00")) is the int 0, so the increase prints as "0".
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success,
            "50.00% (-25.00%) compared to abc1234, passed because coverage increased by 0% when compared to adjusted base (50.00%)"), result);
    }

    [Fact]
    public void Removals_only_passes_a_change_that_only_removed_code()
    {
        var result = Run(new(StatusType.Project, RemovedCodeBehavior: RemovedCodeBehavior.RemovalsOnly), RemovedCoveredCode());
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success,
            "50.00% (-25.00%) compared to abc1234, passed because this change only removed code"), result);
    }

    [Fact]
    public void Fully_covered_patch_passes_when_the_patch_has_no_coverable_line()
    {
        var result = Run(new(StatusType.Project, RemovedCodeBehavior: RemovedCodeBehavior.FullyCoveredPatch), RemovedCoveredCode());
        Assert.Equal("50.00% (-25.00%) compared to abc1234, passed because coverage was not affected by patch", result!.Description);
    }

    [Fact]
    public void Removed_code_behavior_off_leaves_the_failure()
    {
        var result = Run(new(StatusType.Project, RemovedCodeBehavior: RemovedCodeBehavior.Off), RemovedCoveredCode());
        Assert.Equal(new StatusResult("codecov/project", StatusState.Failure, "50.00% (-25.00%) compared to abc1234"), result);
    }

    [Fact]
    public void Adjust_base_does_not_rescue_a_drop_in_unchanged_code()
    {
        var comparison = Compare(Build(("a.c", "hhhm")), Build(("a.c", "hmhm")));
        Assert.Equal(StatusState.Failure, Run(new(StatusType.Project), comparison)!.State);
    }

    private static CoverageComparison Flagged()
    {
        // Session 1 (unit) covers a.c fully; session 2 (integration) misses b.c.
        var report = BuildSession(1, ("a.c", "hh"));
        AddTo(report, 2, ("b.c", "mm"));
        var flags = new SessionFlags(
            new Dictionary<int, IReadOnlyList<string>> { [1] = ["unit"], [2] = ["integration"] },
            new Dictionary<int, string>());
        return new CoverageComparison(new ComparedCommit(BaseSha, report, flags), new ComparedCommit(HeadSha, report, flags), []);
    }

    [Fact]
    public void A_flag_status_only_sees_the_sessions_of_its_flag()
    {
        Assert.Equal("100.00% (+0.00%) compared to abc1234", Run(new(StatusType.Project, Flags: ["unit"]), Flagged())!.Description);
        Assert.Equal("0.00% (+0.00%) compared to abc1234", Run(new(StatusType.Project, Flags: ["integration"]), Flagged())!.Description);
        Assert.Equal("50.00% (+0.00%) compared to abc1234", Run(new(StatusType.Project), Flagged())!.Description);
    }

    [Fact]
    public void A_paths_filter_keeps_only_matching_files()
    {
        Assert.Equal("0.00% (+0.00%) compared to abc1234", Run(new(StatusType.Project, Paths: ["b.c"]), Flagged())!.Description);
        Assert.Equal("100.00% (+0.00%) compared to abc1234", Run(new(StatusType.Project, Paths: ["!b.c"]), Flagged())!.Description);
    }

    [Fact]
    public void A_flag_with_only_carried_forward_coverage_is_excluded_or_auto_passed()
    {
        var report = BuildSession(1, ("a.c", "mm"));
        var flags = new SessionFlags(new Dictionary<int, IReadOnlyList<string>> { [1] = ["unit"] }, new Dictionary<int, string> { [1] = BaseSha });
        var comparison = new CoverageComparison(new ComparedCommit(BaseSha, report, flags), new ComparedCommit(HeadSha, report, flags), []);
        Assert.Null(Run(new(StatusType.Project, Flags: ["unit"], FlagCoverageNotUploadedBehavior: FlagCoverageNotUploadedBehavior.Exclude), comparison));
        var passed = Run(new(StatusType.Project, Target: 90m, Flags: ["unit"], FlagCoverageNotUploadedBehavior: FlagCoverageNotUploadedBehavior.Pass), comparison);
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success, "0.00% (target 90.00%) [Auto passed due to carriedforward or missing coverage]"), passed);
    }

    [Fact]
    public void A_flag_status_waits_for_the_flags_after_n_builds()
    {
        Assert.Null(Run(new(StatusType.Project, Flags: ["unit"], AfterNBuilds: 2), Flagged()));
        Assert.NotNull(Run(new(StatusType.Project, Flags: ["unit"], AfterNBuilds: 1), Flagged()));
    }
}
