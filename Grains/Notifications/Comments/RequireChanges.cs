using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Comments;

/// <summary>
/// <c>comment.require_changes</c> (worker <c>comment/conditions.py</c>; codecov-semantics §4 "Conditions"):
/// <c>true</c>/<c>false</c>, or <c>coverage_drop</c>, <c>uncovered_patch</c>, <c>any_change</c> joined by
/// <c>or</c> and <c>and</c>, grouped as Codecov groups them: the <c>and</c>-separated groups must all hold,
/// each being satisfied by any of its <c>or</c>-separated conditions (<c>all(any(group))</c>).
/// </summary>
public static class RequireChanges
{
    /// <summary>Whether the comment may be posted. <paramref name="projectThreshold"/> is the default project status threshold.</summary>
    public static bool IsMet(string expression, CoverageComparison comparison, decimal projectThreshold)
    {
        var text = expression.Trim().ToLowerInvariant();
        if (text is "" or "false" or "no") return true;
        if (text is "true" or "yes") return AnyChange(comparison);
        return Split(text, " and ").All(group => Split(group, " or ").Any(term => Holds(term, comparison, projectThreshold)));
    }

    private static string[] Split(string text, string separator) =>
        text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool Holds(string term, CoverageComparison comparison, decimal threshold) => term switch
    {
        "coverage_drop" => CoverageDropped(comparison, threshold),
        "uncovered_patch" => UncoveredPatch(comparison),
        "any_change" => AnyChange(comparison),
        _ => throw new ArgumentException($"Unknown require_changes condition '{term}'.", nameof(term)),
    };

    /// <summary>Head below base by at least threshold + 0.01; missing data counts as a drop.</summary>
    public static bool CoverageDropped(CoverageComparison comparison, decimal threshold)
    {
        if (comparison.Head.Totals?.Coverage is not { } head || comparison.Base.Totals?.Coverage is not { } baseCoverage) return true;
        var diff = CoverageRounding.Parse(head) - CoverageRounding.Parse(baseCoverage);
        return diff < 0 && -diff >= threshold + 0.01m;
    }

    /// <summary>Patch coverage below 100% with at least one coverable line.</summary>
    public static bool UncoveredPatch(CoverageComparison comparison)
    {
        var patch = comparison.Patch.Totals;
        return patch.Lines > 0 && patch.Hits < patch.Lines;
    }

    /// <summary>Indirect changes, or coverable lines in the diff.</summary>
    public static bool AnyChange(CoverageComparison comparison) =>
        (comparison.Changes?.Count ?? 0) > 0 || comparison.Patch.Totals.Lines > 0;
}
