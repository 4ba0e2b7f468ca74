using Codecov.Grains.Notifications;
using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Reports.Comparison;
using static Codecov.Grains.Tests.Notifications.Reports;

namespace Codecov.Grains.Tests.Notifications;

// Expected descriptions are the reference's wording (codecov-semantics §4 "Status checks").
public sealed class StatusTests
{
    private static StatusResult? Run(StatusDefinition definition, CoverageComparison comparison, bool hasPull = true, string branch = "feature") =>
        StatusEvaluator.Evaluate(definition, new StatusInputs(comparison, branch, hasPull, CoverageRounding.Default));

    [Fact]
    public void Project_auto_reports_head_and_change_against_the_base_sha()
    {
        var result = Run(new(StatusType.Project), Compare(WithCoverage(838, 1000), WithCoverage(850, 1000)));
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success, "85.00% (+1.20%) compared to abc1234"), result);
    }

    [Fact]
    public void Project_with_unchanged_coverage_shows_plus_zero()
    {
        var result = Run(new(StatusType.Project), Compare(WithCoverage(850, 1000), WithCoverage(850, 1000)));
        Assert.Equal("85.00% (+0.00%) compared to abc1234", result!.Description);
    }

    [Fact]
    public void Project_with_a_custom_target_reports_the_target_and_fails_below_it()
    {
        var result = Run(new(StatusType.Project, Target: 87m), Compare(WithCoverage(8000, 10000), WithCoverage(8565, 10000)));
        Assert.Equal(new StatusResult("codecov/project", StatusState.Failure, "85.65% (target 87.00%)"), result);
    }

    [Fact]
    public void Project_threshold_allows_a_drop_but_is_not_shown()
    {
        var comparison = Compare(WithCoverage(860, 1000), WithCoverage(850, 1000));
        Assert.Equal(StatusState.Failure, Run(new(StatusType.Project, RemovedCodeBehavior: RemovedCodeBehavior.Off), comparison)!.State);
        var result = Run(new(StatusType.Project, Threshold: 1m), comparison);
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success, "85.00% (-1.00%) compared to abc1234"), result);
    }

    [Fact]
    public void Project_without_reports_uses_if_not_found()
    {
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success, "No report found to compare against"),
            Run(new(StatusType.Project), Compare(null, WithCoverage(1, 2))));
        Assert.Equal(new StatusResult("codecov/project", StatusState.Failure, "No coverage information found on head"),
            Run(new(StatusType.Project, IfNotFound: StatusOutcome.Failure), Compare(WithCoverage(1, 2), null)));
        Assert.Equal("No coverage information found on base report",
            Run(new(StatusType.Project), Compare(Build(), WithCoverage(1, 2)))!.Description);
    }

    [Fact]
    public void Patch_counts_only_added_lines_of_the_diff()
    {
        var baseReport = Build(("a.c", "hm"));
        var head = Build(("a.c", "hmhm"));
        var diff = Modified("a.c", Segment(2, 2, " x", "+y", "+z"));
        var comparison = Compare(baseReport, head, diff);
        Assert.Equal(2, comparison.Patch.Totals.Lines);
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Success, "50.00% of diff hit (target 50.00%)"), Run(new(StatusType.Patch), comparison));
    }

    [Fact]
    public void Patch_below_target_but_within_threshold_says_so()
    {
        var comparison = Compare(Build(("a.c", "hm")), Build(("a.c", "hmhm")), Modified("a.c", Segment(2, 2, " x", "+y", "+z")));
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Success, "50.00% of diff hit (within 15.00% threshold of 60.00%)"),
            Run(new(StatusType.Patch, Target: 60m, Threshold: 15m), comparison));
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Failure, "50.00% of diff hit (target 60.00%)"),
            Run(new(StatusType.Patch, Target: 60m, Threshold: 5m), comparison));
    }

    [Fact]
    public void Patch_without_coverable_lines_is_not_affected()
    {
        var comparison = Compare(Build(("a.c", "hm")), Build(("a.c", "hm.")), Modified("a.c", Segment(2, 2, " x", "+comment")));
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Success, "Coverage not affected when comparing abc1234...def5678"),
            Run(new(StatusType.Patch), comparison));
    }

    [Fact]
    public void Patch_of_a_deleted_or_renamed_file_does_not_count()
    {
        var diff = new DiffFile("b.c", "a.c", DiffFileKind.Renamed, [Segment(1, 1, "+x")]);
        Assert.Equal(0, Compare(Build(("a.c", "m")), Build(("b.c", "m")), diff).Patch.Totals.Lines);
    }

    [Fact]
    public void Patch_with_an_auto_target_and_no_base_uses_if_not_found()
    {
        var comparison = Compare(null, Build(("a.c", "h")), new DiffFile("a.c", null, DiffFileKind.New, [Segment(0, 1, "+x")]));
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Error, "No report found to compare against"),
            Run(new(StatusType.Patch, IfNotFound: StatusOutcome.Error), comparison));
    }

    [Fact]
    public void Changes_outside_the_diff_fail_the_changes_status()
    {
        var comparison = Compare(Build(("a.c", "hh"), ("b.c", "hh")), Build(("a.c", "hh"), ("b.c", "hm")));
        Assert.Equal(new StatusResult("codecov/changes", StatusState.Failure, "1 file has indirect coverage changes not visible in diff"),
            Run(new(StatusType.Changes), comparison));
        Assert.Equal(StatusState.Success, Run(new(StatusType.Changes, Informational: true), comparison)!.State);
    }

    [Fact]
    public void Several_changed_files_are_counted_in_the_plural()
    {
        var comparison = Compare(Build(("a.c", "hh"), ("b.c", "hh")), Build(("a.c", "mh"), ("b.c", "hp")));
        Assert.Equal("2 files have indirect coverage changes not visible in diff", Run(new(StatusType.Changes), comparison)!.Description);
    }

    [Fact]
    public void Changes_inside_the_diff_or_improvements_are_not_indirect()
    {
        var inDiff = Compare(Build(("a.c", "hh")), Build(("a.c", "hm")), Modified("a.c", Segment(2, 2, "-old", "+new")));
        Assert.Equal("No indirect coverage changes found", Run(new(StatusType.Changes), inDiff)!.Description);
        var improved = Compare(Build(("a.c", "hm")), Build(("a.c", "hh")));
        Assert.Equal("No indirect coverage changes found", Run(new(StatusType.Changes), improved)!.Description);
    }

    [Fact]
    public void Changes_on_a_pull_without_base_report_cannot_be_determined()
    {
        Assert.Equal(new StatusResult("codecov/changes", StatusState.Success, "Unable to determine changes, no report found at pull request base"),
            Run(new(StatusType.Changes), Compare(null, Build(("a.c", "h")))));
    }

    [Fact]
    public void Named_statuses_get_their_title_in_the_context()
    {
        Assert.Equal("codecov/project", new StatusDefinition(StatusType.Project).Context);
        Assert.Equal("codecov/patch/frontend", new StatusDefinition(StatusType.Patch, "frontend").Context);
        Assert.Equal("codecov/project/flag-unit", StatusDefinition.ForFlag(StatusType.Project, "flag-", "unit").Context);
    }

    [Fact]
    public void Gates_skip_statuses_for_other_branches_and_pull_only_statuses_without_a_pull()
    {
        var comparison = Compare(WithCoverage(1, 2), WithCoverage(1, 2));
        Assert.Null(Run(new(StatusType.Project, OnlyPulls: true), comparison, hasPull: false));
        Assert.Null(Run(new(StatusType.Project, Branches: ["main", "release/*"]), comparison, branch: "feature"));
        Assert.NotNull(Run(new(StatusType.Project, Branches: ["main", "release/*"]), comparison, branch: "refs/heads/release/1.2"));
    }

    [Fact]
    public void Informational_forces_success_but_keeps_the_description()
    {
        var result = Run(new(StatusType.Project, Target: 90m, Informational: true), Compare(WithCoverage(5, 10), WithCoverage(5, 10)));
        Assert.Equal(new StatusResult("codecov/project", StatusState.Success, "50.00% (target 90.00%)"), result);
    }

    [Fact]
    public void Failed_ci_sets_if_ci_failed_with_ci_failed()
    {
        Assert.Equal(new StatusResult("codecov/patch", StatusState.Error, "CI failed."), StatusEvaluator.CiFailed(new(StatusType.Patch)));
        Assert.Equal(StatusState.Failure, StatusEvaluator.CiFailed(new(StatusType.Patch, IfCiFailed: StatusOutcome.Failure))!.State);
        Assert.Null(StatusEvaluator.CiFailed(new(StatusType.Patch, IfCiFailed: StatusOutcome.Ignore)));
    }
}
