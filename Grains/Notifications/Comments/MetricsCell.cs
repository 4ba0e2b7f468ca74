using System.Globalization;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Notifications.Comments;

/// <summary>
/// The Δ cells of the comment's tables (worker <c>make_metrics</c>, <c>make_patch_only_metrics</c>):
/// <c>`absolute &lt;relative&gt; (impact)`</c> plus an arrow. Complexity columns are not rendered.
/// </summary>
public static class MetricsCell
{
    private const string NotAffected = "\u00f8";
    private const string Empty = "\u2205";

    /// <summary>A missing "after" (e.g. a flag only on base) renders <c>`?`</c>; a missing "before" gives impact <c>?</c>.</summary>
    public static string Coverage(CoverageRounding rounding, ReportTotals? before, ReportTotals? after, ReportTotals? relative, bool beforeKnownMissing = false)
    {
        if (after is null) return "| `?` |";
        double? change = before?.Coverage is { } b && after.Coverage is { } a
            ? double.Parse(a, CultureInfo.InvariantCulture) - double.Parse(b, CultureInfo.InvariantCulture)
            : null;
        var absolute = rounding.FormatNumber(Parse(after.Coverage), ifNull: Empty, suffix: "%");
        var relativeText = relative is null ? rounding.FormatNumber(0m, suffix: "%") : rounding.FormatNumber(Parse(relative.Coverage), ifNull: NotAffected, suffix: "%");
        string impact;
        if (before is not null)
            impact = rounding.FormatNumber(change is { } c ? CoverageRounding.FromDouble(c) : null, ifZero: NotAffected, ifNull: Empty, plus: true, suffix: "%")!;
        else impact = beforeKnownMissing ? NotAffected : "?";
        var icon = change > 0 ? " :arrow_up: |" : change < 0 ? " :arrow_down: |" : " |";
        return $"| `{absolute} <{relativeText}> ({impact})` |{icon}";
    }

    /// <summary>The "Files with missing lines" cells: patch % and <c>[m Missing and p partials :warning: ](…)</c>.</summary>
    public static string PatchOnly(CoverageRounding rounding, ReportTotals relative, string pullUrl)
    {
        var patch = rounding.FormatNumber(Parse(relative.Coverage), ifNull: NotAffected, suffix: "%");
        var partials = relative.Partials == 0 ? "" : $"and {relative.Partials} partial{(relative.Partials > 1 ? "s" : "")} ";
        return $"| {patch} | [{relative.Misses} Missing {partials}:warning: ]({pullUrl}?src=pr&el=tree) |";
    }

    private static decimal? Parse(string? coverage) => coverage is null ? null : CoverageRounding.Parse(coverage);
}
