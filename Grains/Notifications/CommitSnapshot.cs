using Codecov.Grains.Commits;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Notifications;

/// <summary>A commit as a comparison needs it: its record, merged report and the flags of each session.</summary>
public sealed record CommitSnapshot(CommitKey Key, CommitInfo? Info, CoverageReport? Report, SessionFlags Flags, int Sessions)
{
    public bool HasReport => Report is not null && Info?.Totals is not null;

    public ComparedCommit Compared => new(Key.Sha, Report, Flags);
}

/// <summary>Loads snapshots of commits from their grains and report archives.</summary>
public sealed class CommitSnapshots(IGrainFactory grains, ReportArchiveStore archives)
{
    public async Task<CommitSnapshot> LoadAsync(CommitKey key, CancellationToken cancellationToken = default)
    {
        var grain = grains.GetGrain<ICommitGrain>(key.ToString());
        var info = await grain.GetAsync();
        if (info?.Totals is null) return new CommitSnapshot(key, info, null, SessionFlags.None, 0);

        var uploads = await grain.GetUploadsAsync();
        var reportKey = await grain.GetReportKeyAsync();
        var report = reportKey is null ? null : await archives.LoadAsync(reportKey, cancellationToken);
        return new CommitSnapshot(key, info, report, FlagsOf(uploads), uploads.Count(u => u.State == UploadStates.Processed));
    }

    public Task<IReadOnlyList<UploadInfo>> UploadsAsync(CommitKey key) => grains.GetGrain<ICommitGrain>(key.ToString()).GetUploadsAsync();

    public static SessionFlags FlagsOf(IEnumerable<UploadInfo> uploads)
    {
        var processed = uploads.Where(u => u.State == UploadStates.Processed).ToList();
        return new SessionFlags(
            processed.ToDictionary(u => u.SessionId, u => u.Request.Flags),
            processed.Where(u => u.IsCarriedForward).ToDictionary(u => u.SessionId, u => u.CarriedForwardFrom!));
    }
}
