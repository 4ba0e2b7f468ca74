using Codecov.Grains.Uploads;

namespace Codecov.Grains.Commits;

/// <summary>
/// A commit: its uploads and their merged report. Key: <see cref="CommitKey"/>. Every processed
/// upload is merged exactly once; the line data lives in the report archive, the grain keeps totals.
/// </summary>
[Alias("codecov.ICommitGrain")]
public interface ICommitGrain : IGrainWithStringKey
{
    /// <summary>Creates the commit on first use; on an existing commit fills in only what is unknown.</summary>
    [Alias("Upsert")]
    Task<CommitInfo> UpsertAsync(CommitUpsert update);

    /// <summary>The commit, or null when no uploader ever announced it.</summary>
    [Alias("Get")]
    Task<CommitInfo?> GetAsync();

    /// <summary>Marks the commit's (single, "default") report as created (CLI <c>create-report</c>).</summary>
    [Alias("CreateReport")]
    Task<CommitInfo> CreateReportAsync();

    /// <summary>Registers a new upload (creating the commit if needed); refuses past the per-commit upload limit.</summary>
    [Alias("CreateUpload")]
    Task<UploadCreation> CreateUploadAsync(UploadRequest request);

    /// <summary>Merges a processed upload's session report (idempotent per upload id).</summary>
    [Alias("MergeSession")]
    Task MergeSessionAsync(ProcessedSession session);

    /// <summary>Records an upload that could not be processed.</summary>
    [Alias("RecordUploadError")]
    Task RecordUploadErrorAsync(string uploadId, UploadError error);

    /// <summary>Records that an upload's payload is stored and processing began.</summary>
    [Alias("RecordUploadReceived")]
    Task RecordUploadReceivedAsync(string uploadId);

    /// <summary>One upload of this commit, or null.</summary>
    [Alias("GetUpload")]
    Task<UploadInfo?> GetUploadAsync(string uploadId);

    [Alias("GetUploads")]
    Task<IReadOnlyList<UploadInfo>> GetUploadsAsync();

    [Alias("GetUploadCounts")]
    Task<UploadCounts> GetUploadCountsAsync();

    /// <summary>CI reported on the commit (a status or check finished): a notification waiting for CI tries again now.</summary>
    [Alias("CiChanged")]
    Task CiChangedAsync();

    /// <summary>What happened to the commit, oldest first.</summary>
    [Alias("GetTimeline")]
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync();

    /// <summary>The object key of the merged report's current version, or null before the first merge.</summary>
    [Alias("GetReportKey")]
    Task<string?> GetReportKeyAsync();

    /// <summary>The merged report with per-file line states, or null for an unknown commit.</summary>
    [Alias("GetReport")]
    Task<CommitReport?> GetReportAsync();
}
