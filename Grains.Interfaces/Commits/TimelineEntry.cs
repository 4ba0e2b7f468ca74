namespace Codecov.Grains.Commits;

/// <summary>
/// One thing that happened to a commit — an upload arriving, merging or failing, a notification
/// decision — so "why was nothing posted?" has an answer on the commit itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Event,
    [property: Id(2)] string Message,
    [property: Id(3)] string? UploadId = null);

/// <summary>The events a timeline records.</summary>
public static class TimelineEvents
{
    public const string UploadCreated = "upload_created";
    public const string UploadReceived = "upload_received";
    public const string UploadMerged = "upload_merged";
    public const string UploadFailed = "upload_failed";
    public const string UploadRefused = "upload_refused";
}
