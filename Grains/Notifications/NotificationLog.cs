namespace Codecov.Grains.Notifications;

/// <summary>The events a notification attempt records on the commit's timeline.</summary>
public static class NotificationEvents
{
    public const string Scheduled = "notification_scheduled";
    public const string Skipped = "notification_skipped";
    public const string Waiting = "notification_waiting";
    public const string YamlInvalid = "yaml_invalid";
    public const string BaseChosen = "base_chosen";
    public const string StatusPosted = "status_posted";
    public const string StatusUnchanged = "status_unchanged";
    public const string CommentPosted = "comment_posted";
    public const string CommentUpdated = "comment_updated";
    public const string CommentDeleted = "comment_deleted";
    public const string CommentSkipped = "comment_skipped";
    public const string ProviderError = "provider_error";
    public const string Retrying = "notification_retry";
    public const string Completed = "notification_completed";
    public const string Carryforward = "carryforward";
}

/// <summary>What one notification attempt decided, in order, for the timeline.</summary>
public sealed class NotificationLog
{
    private readonly List<(string Event, string Message)> entries = [];

    public IReadOnlyList<(string Event, string Message)> Entries => entries;

    public void Add(string @event, string message) => entries.Add((@event, message));
}
