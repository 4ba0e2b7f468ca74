using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Statuses;

/// <summary>Codecov's project status (worker <c>StatusProjectMixin</c>; codecov-semantics §4 "Project status").</summary>
internal sealed class ProjectStatusRule(StatusDefinition definition, CoverageRounding rounding)
{
    public StatusVerdict Evaluate(CoverageComparison comparison)
    {
        var verdict = Compare(comparison);
        if (verdict.State == StatusOutcome.Success || !comparison.HasBaseReport || !comparison.HasHeadReport) return verdict;
        var removal = (definition.RemovedCodeBehavior ?? RemovedCodeBehavior.AdjustBase) switch
        {
            RemovedCodeBehavior.AdjustBase => AdjustBase(comparison),
            RemovedCodeBehavior.RemovalsOnly => RemovalsOnly(comparison),
            RemovedCodeBehavior.FullyCoveredPatch => FullyCoveredPatch(comparison),
            _ => null,
        };
        return removal is null ? verdict : StatusVerdict.Success(verdict.Description + removal);
    }

    private StatusVerdict Compare(CoverageComparison comparison)
    {
        if (comparison.Head.Totals?.Coverage is not { } headText)
            return new(definition.IfNotFound, "No coverage information found on head");
        if (comparison.Base.Report is null)
            return new(definition.IfNotFound, "No report found to compare against");
        if (comparison.Base.Totals!.Coverage is not { } baseText)
            return new(definition.IfNotFound, "No coverage information found on base report");

        var head = CoverageRounding.Parse(headText);
        var target = definition.Target ?? CoverageRounding.Parse(baseText);
        // The threshold decides the state but is never shown (§4).
        var passed = head >= target - definition.Threshold;
        var description = definition.HasCustomTarget
            ? $"{rounding.Format(head)}% (target {rounding.Format(target)}%)"
            : $"{rounding.Format(head)}% ({rounding.FormatSigned(head - target)}%) compared to {comparison.Base.ShortSha}";
        return new(passed ? StatusOutcome.Success : StatusOutcome.Failure, description);
    }

    /// <summary>
    /// <c>adjust_base</c>: base without the removed lines, minus the threshold, quantized to 5 places;
    /// passes when it is less than 0.005 above head. Skipped with a custom target.
    /// </summary>
    private string? AdjustBase(CoverageComparison comparison)
    {
        if (definition.HasCustomTarget) return null;
        var removed = comparison.Removed();
        var baseTotals = comparison.Base.Totals!;
        var hits = baseTotals.Hits - removed.Hits;
        var lines = hits + baseTotals.Misses - removed.Misses + baseTotals.Partials - removed.Partials;
        if (lines == 0) return null;
        // Python: Decimal(hits / lines) * 100 — a float ratio made exact, then scaled.
        var adjusted = CoverageRounding.FromDouble((double)hits / lines) * 100m - definition.Threshold;
        var quantized = Math.Round(adjusted, 5, MidpointRounding.ToEven);
        var head = CoverageRounding.Parse(comparison.Head.Totals!.Coverage ?? "0");
        if (quantized - head >= 0.005m) return null;
        // max(0, Decimal) returns the int 0 unless the rounded difference is positive.
        var difference = rounding.Apply(head - adjusted);
        var increase = difference > 0 ? rounding.Format(head - adjusted) : "0";
        return $", passed because coverage increased by {increase}% when compared to adjusted base ({rounding.Format(adjusted)}%)";
    }

    /// <summary><c>removals_only</c>: no added coverable lines, no indirect changes, and some removed.</summary>
    private static string? RemovalsOnly(CoverageComparison comparison)
    {
        var nothingAdded = comparison.Patch.Totals.Lines == 0 && !comparison.HasUnexpectedLineChanges;
        return nothingAdded && comparison.Removed().Lines > 0 ? ", passed because this change only removed code" : null;
    }

    /// <summary><c>fully_covered_patch</c>: no indirect changes and a patch that is 100% covered or has no coverable line.</summary>
    private static string? FullyCoveredPatch(CoverageComparison comparison)
    {
        if (comparison.HasUnexpectedLineChanges) return null;
        var patch = comparison.Patch.Totals;
        if (patch.Lines == 0) return ", passed because coverage was not affected by patch";
        return patch.Coverage == "100" ? ", passed because patch was fully covered by tests, and no indirect coverage changes" : null;
    }
}
