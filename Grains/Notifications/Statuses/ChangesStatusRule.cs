using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Statuses;

/// <summary>Codecov's changes status (worker <c>StatusChangesMixin</c>; codecov-semantics §4 "Changes status").</summary>
internal sealed class ChangesStatusRule(StatusDefinition definition)
{
    public StatusVerdict Evaluate(CoverageComparison comparison, bool hasPull)
    {
        if (hasPull && !comparison.HasBaseReport)
            return StatusVerdict.Success("Unable to determine changes, no report found at pull request base");
        var notable = comparison.NotableChanges.Count;
        if (notable == 0) return StatusVerdict.Success("No indirect coverage changes found");
        var description = $"{notable} {(notable > 1 ? "files have" : "file has")} indirect coverage changes not visible in diff";
        return definition.Informational ? StatusVerdict.Success(description) : StatusVerdict.Failure(description);
    }
}
