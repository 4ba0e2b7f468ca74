using Codecov.Grains.Reports;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Commits;

/// <summary>What an uploader tells about a commit; null fields are left as they are.</summary>
[GenerateSerializer, Immutable, Alias("codecov.CommitUpsert")]
public sealed record CommitUpsert(
    [property: Id(0)] string? Branch,
    [property: Id(1)] int? PullId,
    [property: Id(2)] string? ParentSha);

[GenerateSerializer, Immutable, Alias("codecov.CommitInfo")]
public sealed record CommitInfo(
    [property: Id(0)] CommitKey Key,
    [property: Id(1)] string? Branch,
    [property: Id(2)] int? PullId,
    [property: Id(3)] string? ParentSha,
    [property: Id(4)] string State,
    [property: Id(5)] ReportTotals? Totals,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] bool ReportCreated);

/// <summary>Counts of a commit's uploads by state (the CLI's <c>upload-complete</c> answer).</summary>
[GenerateSerializer, Immutable, Alias("codecov.UploadCounts")]
public sealed record UploadCounts(
    [property: Id(0)] int Total,
    [property: Id(1)] int Success,
    [property: Id(2)] int Processing,
    [property: Id(3)] int Error);

/// <summary>One file of a commit's merged report: totals and per-line state for the API.</summary>
[GenerateSerializer, Immutable, Alias("codecov.FileCoverage")]
public sealed record FileCoverage(
    [property: Id(0)] string Path,
    [property: Id(1)] ReportTotals Totals,
    [property: Id(2)] IReadOnlyList<LineCoverage> Lines);

/// <summary>A line and its state as API v2 reports it: 0 hit, 1 miss, 2 partial.</summary>
[GenerateSerializer, Immutable, Alias("codecov.LineCoverage")]
public sealed record LineCoverage([property: Id(0)] int Line, [property: Id(1)] int State);

[GenerateSerializer, Immutable, Alias("codecov.CommitReport")]
public sealed record CommitReport(
    [property: Id(0)] CommitInfo Commit,
    [property: Id(1)] IReadOnlyList<FileCoverage> Files,
    [property: Id(2)] IReadOnlyList<UploadInfo> Uploads);
