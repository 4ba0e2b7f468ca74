using Codecov.Grains.Uploads;

namespace Codecov.Grains.Commits;

/// <summary>A commit's durable record: small by design; line data lives in the report archive.</summary>
[GenerateSerializer, Alias("codecov.CommitState")]
public sealed class CommitState
{
    [Id(0)] public CommitInfo? Info { get; set; }
    [Id(1)] public List<UploadInfo> Uploads { get; set; } = [];

    /// <summary>The most recent events, oldest first (bounded by <see cref="CommitTimeline.Capacity"/>).</summary>
    [Id(2)] public List<TimelineEntry> Timeline { get; set; } = [];
}

/// <summary>Codecov's commit states.</summary>
public static class CommitStates
{
    public const string Pending = "pending";
    public const string Complete = "complete";
    public const string Error = "error";
}
