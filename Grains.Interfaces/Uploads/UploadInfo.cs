using Codecov.Grains.Reports;

namespace Codecov.Grains.Uploads;

/// <summary>An upload's life: created (waiting for its payload), uploaded (stored, processing), processed, or error.</summary>
public static class UploadStates
{
    public const string Started = "started";
    public const string Uploaded = "uploaded";
    public const string Processed = "processed";
    public const string Error = "error";
}

/// <summary>What the uploader said about an upload when it asked to create it.</summary>
[GenerateSerializer, Immutable, Alias("codecov.UploadRequest")]
public sealed record UploadRequest(
    [property: Id(0)] IReadOnlyList<string> Flags,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? CiService,
    [property: Id(3)] string? BuildId,
    [property: Id(4)] string? BuildUrl,
    [property: Id(5)] string? JobCode,
    [property: Id(6)] string UploadType,
    [property: Id(7)] IReadOnlyDictionary<string, string> Env,
    [property: Id(8)] string? Package,
    [property: Id(9)] string? FormatVersion = null,
    [property: Id(10)] string? UploadId = null)
{
    // UploadId: chosen by the caller (a GUID) so that a creation retried after its answer was lost finds
    // the upload the first attempt made instead of making a second one; null lets the commit choose.

    /// <summary>Uploads created by the CLI endpoints carry the JSON envelope (Codecov's <c>format_version: v1</c>).</summary>
    public const string CliFormatVersion = "v1";
}

[GenerateSerializer, Immutable, Alias("codecov.UploadError")]
public sealed record UploadError([property: Id(0)] string Code, [property: Id(1)] string Message);

[GenerateSerializer, Immutable, Alias("codecov.UploadInfo")]
public sealed record UploadInfo(
    [property: Id(0)] string UploadId,
    [property: Id(1)] int SessionId,
    [property: Id(2)] string State,
    [property: Id(3)] UploadRequest Request,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? ProcessedAt,
    [property: Id(6)] UploadError? Error,
    [property: Id(7)] ReportTotals? Totals,
    [property: Id(8)] IReadOnlyList<string> Formats,
    [property: Id(9)] string? CarriedForwardFrom = null)
{
    /// <summary>Codecov's <c>session_type</c> for a session copied from an ancestor (codecov-semantics §5).</summary>
    public const string CarriedForwardType = "carriedforward";

    public bool IsCarriedForward => CarriedForwardFrom is not null;
}

/// <summary>A processed upload handed from the upload grain to its commit: where its session report is stored.</summary>
[GenerateSerializer, Immutable, Alias("codecov.ProcessedSession")]
public sealed record ProcessedSession(
    [property: Id(0)] string UploadId,
    [property: Id(1)] int SessionId,
    [property: Id(2)] string ArchiveKey,
    [property: Id(3)] ReportTotals Totals,
    [property: Id(4)] IReadOnlyList<string> Formats);

/// <summary>The new upload, or why the commit refused it (Codecov's message, e.g. "Too many uploads to this commit.").</summary>
[GenerateSerializer, Immutable, Alias("codecov.UploadCreation")]
public sealed record UploadCreation([property: Id(0)] UploadInfo? Upload, [property: Id(1)] string? Refusal);
