using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Statuses;

/// <summary>Codecov's patch status (worker <c>StatusPatchMixin</c>; codecov-semantics §4 "Patch status").</summary>
internal sealed class PatchStatusRule(StatusDefinition definition, CoverageRounding rounding)
{
    public StatusVerdict Evaluate(CoverageComparison comparison)
    {
        var totals = comparison.Patch.Totals;
        if (totals.Lines > 0) return Affected(comparison, CoverageRounding.Parse(totals.Coverage!));
        // Without a base commit Codecov says only "Coverage not affected".
        return StatusVerdict.Success(comparison.Base.Sha is null
            ? "Coverage not affected"
            : $"Coverage not affected when comparing {comparison.Base.ShortSha}...{comparison.Head.ShortSha}");
    }

    private StatusVerdict Affected(CoverageComparison comparison, decimal coverage)
    {
        // target auto is the base report's project coverage, not 100%.
        var target = definition.Target ?? (comparison.Base.Totals?.Coverage is { } b ? CoverageRounding.Parse(b) : null);
        if (target is not { } goal) return new(definition.IfNotFound, "No report found to compare against");
        var hit = rounding.Format(coverage);
        var shownTarget = rounding.Format(goal);
        if (coverage >= goal) return StatusVerdict.Success($"{hit}% of diff hit (target {shownTarget}%)");
        if (coverage >= goal - definition.Threshold)
            return StatusVerdict.Success($"{hit}% of diff hit (within {rounding.Format(definition.Threshold)}% threshold of {shownTarget}%)");
        return StatusVerdict.Failure($"{hit}% of diff hit (target {shownTarget}%)");
    }
}
