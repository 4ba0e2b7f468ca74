using System.Net;
using Codecov.Grains.Commits;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Providers;
using Codecov.Grains.Reports;
using Codecov.Grains.Pulls;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Notifications;

/// <summary>What the commit grain hands to a notification attempt.</summary>
public sealed record NotificationRun(
    CommitKey Commit,
    CommitInfo Info,
    CoverageReport Report,
    IReadOnlyList<UploadInfo> Uploads,
    IReadOnlyDictionary<string, string> PostedStatuses,
    int ProviderFailures,
    int CiWaits);

public enum NotificationResult
{
    /// <summary>Everything that should be posted was posted (or deliberately not).</summary>
    Completed,
    /// <summary>Nothing to do now; a later upload or event may change that.</summary>
    Skipped,
    /// <summary>Try again after <see cref="NotificationOutcome.RetryAfter"/> (CI pending, provider failing).</summary>
    Retry,
}

public sealed record NotificationOutcome(
    NotificationResult Result,
    TimeSpan? RetryAfter,
    IReadOnlyList<(string Event, string Message)> Log,
    IReadOnlyDictionary<string, string> PostedStatuses,
    bool WaitingForCi = false,
    bool ProviderFailed = false);

/// <summary>
/// One notification attempt for a commit, in Codecov's order (worker <c>tasks/notify.py</c>;
/// codecov-semantics §4, §5): load codecov.yml, check <c>manual_trigger</c> and
/// <c>after_n_builds</c>, wait for CI or report its failure, choose the base, compare, post the
/// statuses that changed and the pull request comment. Every decision is logged for the timeline.
/// </summary>
public sealed class CommitNotifier(
    IGitProvider provider,
    CommitYamlLoader yamlLoader,
    BaseSelector bases,
    StatusPublisher statuses,
    CommentPublisher comments,
    IGrainFactory grains,
    DashboardUrls urls,
    IOptions<NotificationOptions> options)
{
    public async Task<NotificationOutcome> RunAsync(NotificationRun run, CancellationToken cancellationToken)
    {
        var log = new NotificationLog();
        var posted = run.PostedStatuses;
        try
        {
            return await NotifyAsync(run, log, cancellationToken);
        }
        catch (GitProviderException e) when (IsTransient(e))
        {
            var attempts = options.Value.ProviderMaxRetries;
            if (run.ProviderFailures >= attempts)
            {
                log.Add(NotificationEvents.ProviderError, $"{e.Message}; gave up after {attempts + 1} attempts.");
                return new NotificationOutcome(NotificationResult.Completed, null, log.Entries, posted, ProviderFailed: true);
            }
            var delay = e.RetryAfter ?? options.Value.ProviderRetryDelay * Math.Pow(2, run.ProviderFailures);
            log.Add(NotificationEvents.Retrying, $"{e.Message}; retrying in {Format(delay)}.");
            return new NotificationOutcome(NotificationResult.Retry, delay, log.Entries, posted, ProviderFailed: true);
        }
        catch (GitProviderException e)
        {
            log.Add(NotificationEvents.ProviderError, e.Message);
            return new NotificationOutcome(NotificationResult.Completed, null, log.Entries, posted);
        }
    }

    private async Task<NotificationOutcome> NotifyAsync(NotificationRun run, NotificationLog log, CancellationToken cancellationToken)
    {
        var repo = await RepositoryAccess.ForAsync(grains, run.Commit.Repository);
        var sha = run.Commit.Sha;
        var yaml = await yamlLoader.LoadAsync(run.Commit.Repository, repo, sha, cancellationToken);
        if (yaml.Problem is not null) log.Add(NotificationEvents.YamlInvalid, yaml.Problem);
        var config = NotificationConfig.From(yaml.Final);

        var sessions = run.Uploads.Count(u => u.State == UploadStates.Processed);
        if (config.Notify.ManualTrigger) return Skip(log, run, "codecov.notify.manual_trigger is set: waiting for a manual trigger.");
        if (config.Notify.AfterNBuilds is { } builds && sessions < builds)
            return Skip(log, run, $"Waiting for {builds} uploads (codecov.notify.after_n_builds): {sessions} of {builds} so far.");

        if (config.Notify.WaitForCi || config.Notify.RequireCiToPass)
        {
            var ci = await provider.GetCiStateAsync(repo, sha, cancellationToken);
            if (ci.Overall == CommitStatusState.Pending && config.Notify.WaitForCi)
            {
                if (run.CiWaits < options.Value.CiMaxRetries)
                {
                    var delay = options.Value.CiRetryDelay * Math.Pow(2, run.CiWaits);
                    var pending = string.Join(", ", ci.Checks.Where(c => c.State == CommitStatusState.Pending).Select(c => c.Name));
                    log.Add(NotificationEvents.Waiting, $"Waiting for CI ({pending}) (codecov.notify.wait_for_ci); next check in {Format(delay)}.");
                    return new NotificationOutcome(NotificationResult.Retry, delay, log.Entries, run.PostedStatuses, WaitingForCi: true);
                }
                log.Add(NotificationEvents.Waiting, $"CI still pending after {run.CiWaits} checks; notifying anyway.");
            }
            if (ci.Overall == CommitStatusState.Failure && config.Notify.RequireCiToPass)
                return await ReportCiFailedAsync(run, repo, config, ci, log, cancellationToken);
        }

        var pull = await FindPullAsync(repo, run.Info, cancellationToken);
        var choice = await bases.ChooseAsync(run.Commit, run.Info, repo, pull, cancellationToken);
        log.Add(NotificationEvents.BaseChosen, char.ToUpperInvariant(choice.Explanation[0]) + choice.Explanation[1..] + ".");
        // The head comes from the grain that runs this attempt: calling back into it would deadlock.
        var head = new CommitSnapshot(run.Commit, run.Info, run.Report, CommitSnapshots.FlagsOf(run.Uploads), sessions);
        var diff = choice.DiffBaseSha is null ? [] : await DiffAsync(repo, choice.DiffBaseSha, sha, log, cancellationToken);
        var comparison = new CoverageComparison(
            choice.ComparedTo?.Compared ?? new ComparedCommit(choice.DiffBaseSha, null, SessionFlags.None), head.Compared, diff);

        var links = Links(run.Commit, pull);
        var definitions = config.StatusesFor(head.Flags.AllFlags());
        var results = definitions
            .Select(s => StatusEvaluator.Evaluate(s, new StatusInputs(comparison, run.Info.Branch, pull is not null, config.Rounding)))
            .OfType<StatusResult>()
            .ToList();
        var posted = await statuses.PublishAsync(repo, sha, results, run.PostedStatuses, links.Target, log, cancellationToken);

        await CommentAsync(run, repo, config, definitions, comparison, pull, links, head.Sessions, log, cancellationToken);
        log.Add(NotificationEvents.Completed, $"Notified: {results.Count} status(es) evaluated.");
        return new NotificationOutcome(NotificationResult.Completed, null, log.Entries, posted);
    }

    private async Task CommentAsync(NotificationRun run, GitRepository repo, NotificationConfig config,
        IReadOnlyList<StatusDefinition> definitions, CoverageComparison comparison,
        GitPullRequest? pull, (string Target, DashboardLinks? Dashboard) links, int sessions, NotificationLog log, CancellationToken cancellationToken)
    {
        if (config.Comment is not { } settings) { log.Add(NotificationEvents.CommentSkipped, "No comment: the comment section of codecov.yml is off."); return; }
        if (pull is null) { log.Add(NotificationEvents.CommentSkipped, "No comment: the commit is not the head of an open pull request."); return; }
        if (pull.Head.Sha != run.Commit.Sha)
        {
            log.Add(NotificationEvents.CommentSkipped, $"No comment: pull request #{pull.Number}'s head is {BaseSelector.Short(pull.Head.Sha)}, not this commit.");
            return;
        }
        if (sessions < settings.AfterNBuilds)
        {
            log.Add(NotificationEvents.CommentSkipped, $"No comment yet: comment.after_n_builds is {settings.AfterNBuilds}, {sessions} uploaded.");
            return;
        }
        var pullRecord = await grains.GetGrain<IPullGrain>(new PullKey(run.Commit.Repository, pull.Number).ToString()).GetAsync();
        var hasComment = pullRecord?.CommentId is not null;
        var threshold = definitions.FirstOrDefault(s => s.Type == StatusType.Project)?.Threshold ?? 0m;
        if (!hasComment && !RequireChanges.IsMet(settings.RequireChanges, comparison, threshold))
        {
            log.Add(NotificationEvents.CommentSkipped, $"No comment: comment.require_changes ({settings.RequireChanges}) is not met.");
            return;
        }
        var input = new CommentInput(comparison, settings, config.Rounding, links.Dashboard!,
            new PullInfo(pull.Number, pull.Base.Branch, pull.Base.Sha, pull.Head.Sha), Components: config.Components(comparison.Head.Flags.AllFlags()));
        await comments.PublishAsync(run.Commit.Repository, repo, pull, settings.Behavior, CommentRenderer.Render(input), log, cancellationToken);
    }

    /// <summary>The base→head diff; a diff the provider refuses (force-pushed base, unrelated histories) counts as empty.</summary>
    private async Task<IReadOnlyList<Reports.Comparison.DiffFile>> DiffAsync(GitRepository repo, string baseSha, string headSha, NotificationLog log, CancellationToken cancellationToken)
    {
        try
        {
            return DiffMapping.ToComparison(await provider.GetDiffAsync(repo, baseSha, headSha, cancellationToken));
        }
        catch (GitProviderException e) when (!IsTransient(e))
        {
            log.Add(NotificationEvents.ProviderError, $"No diff between {BaseSelector.Short(baseSha)} and {BaseSelector.Short(headSha)} ({e.Message}); patch coverage is treated as empty.");
            return [];
        }
    }

    private async Task<GitPullRequest?> FindPullAsync(GitRepository repo, CommitInfo info, CancellationToken cancellationToken)
    {
        if (info.PullId is { } id) return await provider.GetPullRequestAsync(repo, id, cancellationToken);
        var pulls = await provider.FindPullRequestsForCommitAsync(repo, info.Key.Sha, cancellationToken);
        return pulls.Where(p => p.State == PullRequestState.Open).OrderByDescending(p => p.Number).FirstOrDefault();
    }

    private async Task<NotificationOutcome> ReportCiFailedAsync(NotificationRun run, GitRepository repo, NotificationConfig config,
        CiState ci, NotificationLog log, CancellationToken cancellationToken)
    {
        var failed = string.Join(", ", ci.Checks.Where(c => c.State is CommitStatusState.Failure or CommitStatusState.Error).Select(c => c.Name));
        log.Add(NotificationEvents.Skipped, $"CI failed ({failed}) and codecov.require_ci_to_pass is on: no coverage statuses or comment.");
        // status_set_error: only contexts already present on the commit are changed.
        var existing = (await provider.ListCommitStatusesAsync(repo, run.Commit.Sha, cancellationToken))
            .Select(s => s.Context).ToHashSet(StringComparer.Ordinal);
        var flags = run.Uploads.SelectMany(u => u.Request.Flags).Distinct(StringComparer.Ordinal);
        var results = config.StatusesFor(flags).Where(s => existing.Contains(s.Context)).Select(StatusEvaluator.CiFailed).OfType<StatusResult>();
        var posted = await statuses.PublishAsync(repo, run.Commit.Sha, results, run.PostedStatuses, Links(run.Commit, null).Target, log, cancellationToken);
        return new NotificationOutcome(NotificationResult.Completed, null, log.Entries, posted);
    }

    /// <summary>Statuses link the pull request's page when there is one, else the commit's (worker <c>services/urls.py</c>).</summary>
    private (string Target, DashboardLinks? Dashboard) Links(CommitKey commit, GitPullRequest? pull)
    {
        var dashboard = pull is null ? null : new DashboardLinks(urls, commit.Repository, pull.Number);
        return (dashboard?.Pull ?? urls.Commit(commit), dashboard);
    }

    private static NotificationOutcome Skip(NotificationLog log, NotificationRun run, string why)
    {
        log.Add(NotificationEvents.Skipped, why);
        return new NotificationOutcome(NotificationResult.Skipped, null, log.Entries, run.PostedStatuses);
    }

    private static bool IsTransient(GitProviderException e) =>
        e.StatusCode is null || (int)e.StatusCode >= 500 || e.StatusCode == HttpStatusCode.TooManyRequests || e.RetryAfter is not null;

    private static string Format(TimeSpan delay) => delay.TotalSeconds >= 1 ? $"{delay.TotalSeconds:0.#} s" : $"{delay.TotalMilliseconds:0} ms";
}
