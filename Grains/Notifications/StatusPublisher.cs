using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Providers;

namespace Codecov.Grains.Notifications;

/// <summary>
/// Posts commit statuses, skipping any whose state and description are unchanged since they were
/// last posted, so a repeated notification attempt never re-posts the same status.
/// </summary>
public sealed class StatusPublisher(IGitProvider provider)
{
    public async Task<Dictionary<string, string>> PublishAsync(GitRepository repo, string sha, IEnumerable<StatusResult> statuses,
        IReadOnlyDictionary<string, string> posted, string targetUrl, NotificationLog log, CancellationToken cancellationToken)
    {
        var now = new Dictionary<string, string>(posted, StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            var fingerprint = $"{status.State}|{status.Description}";
            if (posted.GetValueOrDefault(status.Context) == fingerprint)
            {
                log.Add(NotificationEvents.StatusUnchanged, $"{status.Context} unchanged: {Describe(status)}");
                continue;
            }
            await provider.SetCommitStatusAsync(repo, sha, status.Context, ToProvider(status.State), status.Description, targetUrl, cancellationToken);
            now[status.Context] = fingerprint;
            log.Add(NotificationEvents.StatusPosted, $"{status.Context}: {Describe(status)}");
        }
        return now;
    }

    private static string Describe(StatusResult status) => $"{status.State.ToString().ToLowerInvariant()} — {status.Description}";

    private static CommitStatusState ToProvider(StatusState state) => state switch
    {
        StatusState.Success => CommitStatusState.Success,
        StatusState.Failure => CommitStatusState.Failure,
        _ => CommitStatusState.Error,
    };
}
