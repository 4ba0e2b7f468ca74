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

    [Id(3)] public NotificationState Notification { get; set; } = new();

    /// <summary>Carryforward is decided once, when the commit's report is first created (codecov-semantics §5).</summary>
    [Id(4)] public bool CarryforwardChecked { get; set; }

    /// <summary>The version of the merged report archive (<see cref="Storage.ObjectKeys.CommitReport"/>) this state's totals describe.</summary>
    [Id(5)] public int ReportVersion { get; set; }
}

/// <summary>A commit's notification attempts: durable, so a restart resumes them and never re-posts.</summary>
[GenerateSerializer, Alias("codecov.NotificationState")]
public sealed class NotificationState
{
    /// <summary>New data arrived since the last completed notification.</summary>
    [Id(0)] public bool Pending { get; set; }

    [Id(1)] public int ProviderFailures { get; set; }

    [Id(2)] public int CiWaits { get; set; }

    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Last posted state and description per status context.</summary>
    [Id(4)] public Dictionary<string, string> PostedStatuses { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public bool WaitingForCi { get; set; }
}

/// <summary>Codecov's commit states.</summary>
public static class CommitStates
{
    public const string Pending = "pending";
    public const string Complete = "complete";
    public const string Error = "error";
}
