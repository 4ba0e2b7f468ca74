using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Providers;
using Codecov.Grains.Pulls;

namespace Codecov.Grains.Notifications;

/// <summary>
/// Creates, edits or replaces the pull request comment per <c>comment.behavior</c> (codecov-semantics
/// §4 "Behaviour"): default edits the stored comment or posts one; once edits and never reposts a
/// deleted comment; new deletes the old one and posts; spammy always posts. The comment id is stored
/// on the pull request as soon as it exists, so a retried attempt edits rather than duplicates.
/// </summary>
public sealed class CommentPublisher(IGitProvider provider, IGrainFactory grains)
{
    public async Task PublishAsync(RepositoryKey repository, GitRepository repo, GitPullRequest pull, CommentBehavior behavior,
        string body, NotificationLog log, CancellationToken cancellationToken)
    {
        var pullGrain = grains.GetGrain<IPullGrain>(new PullKey(repository, pull.Number).ToString());
        var record = await pullGrain.UpdateAsync(ToUpdate(pull));

        switch (behavior)
        {
            case CommentBehavior.Spammy:
                await CreateAsync(pullGrain, repo, pull, body, log, cancellationToken);
                return;
            case CommentBehavior.New:
                if (record.CommentId is { } old && await provider.DeleteCommentAsync(repo, old, cancellationToken))
                    log.Add(NotificationEvents.CommentDeleted, $"Deleted the previous comment {old} (comment.behavior: new).");
                await CreateAsync(pullGrain, repo, pull, body, log, cancellationToken);
                return;
        }

        if (record.CommentId is { } id && await provider.GetCommentAsync(repo, id, cancellationToken) is not null)
        {
            await provider.UpdateCommentAsync(repo, id, body, cancellationToken);
            log.Add(NotificationEvents.CommentUpdated, $"Updated comment {id} on pull request #{pull.Number}.");
            return;
        }
        if (behavior == CommentBehavior.Once && record.CommentEverPosted)
        {
            log.Add(NotificationEvents.CommentSkipped, "The comment was deleted and comment.behavior is once: not posting it again.");
            return;
        }
        await CreateAsync(pullGrain, repo, pull, body, log, cancellationToken);
    }

    public static PullUpdate ToUpdate(GitPullRequest pull) => new(
        pull.State.ToString().ToLowerInvariant(), pull.Head.Sha, pull.Head.Branch, pull.Base.Sha, pull.Base.Branch, pull.Title);

    private async Task CreateAsync(IPullGrain pullGrain, GitRepository repo, GitPullRequest pull, string body, NotificationLog log,
        CancellationToken cancellationToken)
    {
        var comment = await provider.CreateCommentAsync(repo, pull.Number, body, cancellationToken);
        await pullGrain.SetCommentAsync(comment.Id);
        log.Add(NotificationEvents.CommentPosted, $"Posted comment {comment.Id} on pull request #{pull.Number}.");
    }
}
