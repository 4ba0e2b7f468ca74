namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// Patch coverage as shared <c>Report.apply_diff</c> computes it: for new and modified files present in
/// the head report, the totals of the head lines that are <c>'+'</c> lines of the diff
/// (codecov-semantics §4 "Patch status").
/// </summary>
public sealed record PatchCoverage(ReportTotals Totals, IReadOnlyDictionary<string, ReportTotals> Files)
{
    public static PatchCoverage Of(CoverageReport head, IReadOnlyList<DiffFile> diff)
    {
        var files = new Dictionary<string, ReportTotals>(StringComparer.Ordinal);
        foreach (var file in diff)
        {
            if (!file.CountsForPatch || head[file.Path] is not { } report) continue;
            var added = file.Segments.SelectMany(s => s.AddedHeadLines());
            files[file.Path] = LineTotals.Of(added.Select(n => report[n]).OfType<ReportLine>());
        }
        return new PatchCoverage(LineTotals.Sum(files.Values), files);
    }
}
