using Codecov.Grains.Notifications;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Queries;

/// <summary>
/// A commit's per-flag totals in the query index (API v2 <c>flags/</c>, flag trends): for each flag,
/// the totals of the report restricted to that flag's sessions, as Codecov's <c>report.filter(flags=[f])</c>.
/// Written by the commit's grain whenever its report changes.
/// </summary>
public sealed class CommitFlagIndex(IIndexStore index)
{
    public Task WriteAsync(CommitKey commit, CoverageReport report, IEnumerable<UploadInfo> uploads) =>
        index.ReplaceCommitFlagsAsync(commit, Of(report, uploads));

    public static IReadOnlyList<FlagTotals> Of(CoverageReport report, IEnumerable<UploadInfo> uploads)
    {
        var sessions = CommitSnapshots.FlagsOf(uploads);
        return sessions.AllFlags()
            .Select(flag => new FlagTotals(flag,
                ReportFilter.Apply(report, sessions, [flag], []).Totals,
                sessions.CarryForwardOf(flag).CarriedForward))
            .ToList();
    }
}
