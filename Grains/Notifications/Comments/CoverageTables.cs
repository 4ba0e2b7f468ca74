using System.Text;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Comments;

/// <summary>The comment's tables: files with missing lines, files/tree, flags and components.</summary>
internal sealed class CoverageTables(CommentInput input)
{
    private const int DefaultLimit = 10;

    private string Pull => input.Links.Pull;
    private CoverageComparison Comparison => input.Comparison;

    /// <summary>Files in the diff with patch totals (apply_diff sets totals only for new/modified files of the head report).</summary>
    private List<(DiffFile File, ReportTotals Patch, int Missing)> FilesInDiff() =>
        Comparison.Diff.Where(d => Comparison.Patch.Files.ContainsKey(d.Path))
            .Select(d => (d, Comparison.Patch.Files[d.Path], Comparison.Patch.Files[d.Path].Misses + Comparison.Patch.Files[d.Path].Partials))
            .ToList();

    /// <summary>The <c>newfiles</c>/<c>condensed_files</c> table: only files with missing lines, most missing first.</summary>
    public IEnumerable<string> FilesWithMissingLines()
    {
        var rows = FilesInDiff().Where(f => f.Missing > 0).OrderByDescending(f => f.Missing).ToList();
        if (rows.Count == 0) yield break;
        yield return "";
        yield return $"| [Files with missing lines]({Pull}?dropdown=coverage&src=pr&el=tree) | Patch % | Lines |";
        yield return "|---|---|---|";
        foreach (var row in rows.Take(DefaultLimit))
            yield return TreeCell(row.File, MetricsCell.PatchOnly(input.Rounding, row.Patch, Pull));
        if (rows.Count > DefaultLimit) yield return $"| ... and [{rows.Count - DefaultLimit} more]({Pull}?src=pr&el=tree-more) | |";
    }

    /// <summary>The old-style <c>files</c>/<c>tree</c> table (least missing first, <c>files:N</c> limit), then the indirect-changes line.</summary>
    public IEnumerable<string> Files(string section)
    {
        var limit = section.Contains(':') ? int.Parse(section[(section.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) : DefaultLimit;
        var inDiff = FilesInDiff();
        if (inDiff.Count > 0)
        {
            yield return "";
            yield return $"| [Files with missing lines]({Pull}?dropdown=coverage&src=pr&el=tree) | Coverage \u0394 | |";
            yield return "|---|---|---|";
            foreach (var row in inDiff.OrderBy(f => f.Missing).Take(limit))
            {
                var before = Comparison.Base.Report?[row.File.BasePath]?.Totals;
                var after = Comparison.Head.Report?[row.File.Path]?.Totals;
                yield return TreeCell(row.File, MetricsCell.Coverage(input.Rounding, before, after, row.Patch, beforeKnownMissing: true));
            }
            if (inDiff.Count > limit) yield return $"| ... and [{inDiff.Count - limit} more]({Pull}?src=pr&el=tree-more) | |";
        }
        if (Comparison.Changes is not { Count: > 0 } changes) yield break;
        var notInDiff = changes.Select(c => c.Path).Union(inDiff.Select(f => f.File.Path)).Count() - inDiff.Count;
        if (notInDiff <= 0) yield break;
        var files = $"{notInDiff} file{(notInDiff > 1 ? "s" : "")} with indirect coverage changes";
        if (inDiff.Count > 0)
        {
            yield return "";
            yield return $"... and [{files}]({Pull}/indirect-changes?src=pr&el=tree-more)";
        }
        else yield return $"[see {files}]({Pull}/indirect-changes?src=pr&el=tree-more)";
    }

    /// <summary>The flags table: carried-forward flags hidden (with a note) unless <c>show_carryforward_flags</c>.</summary>
    public IEnumerable<string> Flags()
    {
        var show = input.Settings.ShowCarryforwardFlags;
        var headFlags = Comparison.Head.Flags.AllFlags();
        var rows = new List<(string Name, ReportTotals? Before, ReportTotals? After, ReportTotals? Patch, string? CarriedFrom, bool CarriedForward)>();
        foreach (var flag in headFlags)
        {
            var (carried, from) = Comparison.Head.Flags.CarryForwardOf(flag);
            if (carried && !show) continue;
            var filtered = Comparison.Filtered([flag], []);
            rows.Add((flag, BaseFlagTotals(flag), filtered.Head.Totals, filtered.Patch.Totals, from, carried));
        }
        foreach (var flag in Comparison.Base.Flags.AllFlags().Except(headFlags))
            rows.Add((flag, BaseFlagTotals(flag), null, null, null, false));
        if (rows.Count == 0) yield break;

        var hasCarried = rows.Any(r => r.CarriedForward);
        yield return "";
        yield return $"| [Flag]({Pull}/flags?src=pr&el=flags) | Coverage \u0394 | |" + (hasCarried ? " *Carryforward flag |" : "");
        yield return "|---|---|---|" + (hasCarried ? "---|" : "");
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var carriedCell = row.CarriedForward
                ? " Carriedforward" + (row.CarriedFrom is { } sha ? $" from [{CommentSections.Short(sha)}]({input.Links.Commit(sha)})" : "") + " |"
                : hasCarried ? " |" : "";
            var metrics = MetricsCell.Coverage(input.Rounding, row.Before, row.After, Comparison.Diff.Count > 0 ? row.Patch : null);
            yield return $"| [{row.Name}]({Pull}/flags?src=pr&el=flag) {metrics}{carriedCell}";
        }
        yield return "";
        yield return hasCarried && show
            ? "*This pull request uses carry forward flags. [Click here](https://docs.codecov.io/docs/carryforward-flags) to find out more."
            : "Flags with carried forward coverage won't be shown. [Click here](https://docs.codecov.io/docs/carryforward-flags#carryforward-flags-in-the-pull-request-comment) to find out more.";
    }

    /// <summary>The components table: each component's comparison filtered by its flags and paths.</summary>
    public IEnumerable<string> Components()
    {
        var components = input.Components ?? [];
        if (components.Count == 0) yield break;
        yield return "";
        yield return $"| [Components]({Pull}/components?src=pr&el=components) | Coverage \u0394 | |";
        yield return "|---|---|---|";
        foreach (var component in components)
        {
            var filtered = Comparison.Filtered(component.Flags, component.Paths);
            var metrics = MetricsCell.Coverage(input.Rounding, filtered.Base.Totals, filtered.Head.Totals ?? ReportTotals.Empty, filtered.Patch.Totals);
            yield return $"| [{component.Name}]({Pull}/components?src=pr&el=component) {metrics}";
        }
    }

    private ReportTotals? BaseFlagTotals(string flag) =>
        Comparison.Base.Report is null || !Comparison.Base.Flags.AllFlags().Contains(flag, StringComparer.Ordinal)
            ? null
            : Comparison.Filtered([flag], []).Base.Totals;

    /// <summary>Codecov's <c>_get_tree_cell</c>: an escaped, left-ellipsised path linking to <c>#diff-&lt;base64 path&gt;</c>.</summary>
    private string TreeCell(DiffFile file, string metrics)
    {
        var strike = file.Kind == DiffFileKind.Deleted ? "~~" : "";
        var path = file.Path;
        var shown = Escape(path.Length > 50 ? "..." + path[^50..] : path);
        var query = "filepath=" + Uri.EscapeDataString(path).Replace("%20", "+", StringComparison.Ordinal);
        var hash = Convert.ToBase64String(Encoding.UTF8.GetBytes(path));
        return $"| {strike}[{shown}]({Pull}?src=pr&el=tree&{query}#diff-{hash}){strike} {metrics}";
    }

    private static string Escape(string value) =>
        value.Replace("`", "\\`", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
