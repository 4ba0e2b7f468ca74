using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace Codecov.Grains.Providers;

/// <summary>GitHub and GitHub Enterprise through Octokit, with the workarounds of octokit-notes.</summary>
public sealed class GitHubProvider : IGitProvider
{
    /// <summary>Codecov's file names, in the order it accepts them within one folder ([S] <c>shared/yaml/fetcher.py</c>).</summary>
    private static readonly string[] YamlNames = ["codecov.yml", ".codecov.yml", "codecov.yaml", ".codecov.yaml"];

    /// <summary>Folders Codecov also looks into when the root has no codecov.yml.</summary>
    private static readonly string[] YamlFolders = ["dev", ".github"];

    private readonly GitHubClients clients;
    private readonly GitHubRetryPolicy retry;
    private readonly UnifiedDiffParser diffParser = new();

    public GitHubProvider(IOptions<GitHubOptions> options, TimeProvider time, ILogger<GitHubProvider> logger)
    {
        clients = new GitHubClients(options);
        retry = new GitHubRetryPolicy(options.Value, time, logger);
    }

    // Repository.Commit.GetSha1 returns "" in Octokit 14 (octokit-notes §5): always fetch the commit.
    public Task<GitCommit?> GetCommitAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default) =>
        FindAsync(repo, "get commit", c => c.Repository.Commit.Get(repo.Owner, repo.Name, sha), GitHubMapping.ToCommit, cancellationToken);

    /// <summary>
    /// Reads the JSON (base64) form of the contents API: how Octokit 14 treats a raw-media-type answer
    /// depends on the Content-Type the server picks, while the JSON form is certain. It covers files up
    /// to 1 MB, far above any codecov.yml.
    /// </summary>
    public async Task<string?> GetFileAsync(GitRepository repo, string sha, string path, CancellationToken cancellationToken = default)
    {
        var entries = await FindAsync(repo, "get file",
            c => c.Repository.Content.GetAllContentsByRef(repo.Owner, repo.Name, path, sha), list => list, cancellationToken).ConfigureAwait(false);
        // A folder lists its children instead: not a file.
        return entries is [{ } entry] && entry.Type.StringValue == "file" && entry.Path == path
            ? entry.Content?.TrimStart('\uFEFF')
            : null;
    }

    /// <summary>
    /// Codecov lists the root and takes the first listed entry with an accepted name; only then does
    /// it list <c>dev/</c> and <c>.github/</c> (codecov-semantics §2, [S] <c>shared/yaml/fetcher.py</c>).
    /// </summary>
    public async Task<CodecovYamlFile?> FindCodecovYamlAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default)
    {
        var root = await ListFolderAsync(repo, sha, null, cancellationToken).ConfigureAwait(false);
        var path = FirstYaml(root);
        foreach (var folder in YamlFolders)
        {
            if (path is not null)
            {
                break;
            }
            if (root.Any(entry => entry.Name == folder && entry.Type.StringValue == "dir"))
            {
                path = FirstYaml(await ListFolderAsync(repo, sha, folder, cancellationToken).ConfigureAwait(false));
            }
        }
        if (path is null)
        {
            return null;
        }
        var text = await GetFileAsync(repo, sha, path, cancellationToken).ConfigureAwait(false);
        return text is null ? null : new CodecovYamlFile(path, text);
    }

    public Task<GitPullRequest?> GetPullRequestAsync(GitRepository repo, int number, CancellationToken cancellationToken = default) =>
        FindAsync(repo, "get pull request", c => c.PullRequest.Get(repo.Owner, repo.Name, number),
            pull => GitHubMapping.ToPullRequest(pull, repo), cancellationToken);

    public async Task<IReadOnlyList<GitPullRequest>> FindPullRequestsForCommitAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default)
    {
        var pulls = await FindAsync(repo, "find pull requests for commit",
            c => c.Repository.Commit.PullRequests(repo.Owner, repo.Name, sha),
            list => list.Select(p => GitHubMapping.ToPullRequest(p, repo)).ToArray(), cancellationToken).ConfigureAwait(false);
        return pulls ?? [];
    }

    public async Task<GitPullRequest?> FindOpenPullRequestForBranchAsync(GitRepository repo, string branch, CancellationToken cancellationToken = default)
    {
        // The head filter must be "owner:branch" (octokit-notes §9).
        var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{repo.Owner}:{branch}" };
        var pulls = await RunAsync(repo, "find pull request for branch",
            c => c.PullRequest.GetAllForRepository(repo.Owner, repo.Name, request), cancellationToken).ConfigureAwait(false);
        return pulls.Count == 0 ? null : GitHubMapping.ToPullRequest(pulls[0], repo);
    }

    public async Task<IReadOnlyList<GitCommit>> ListPullRequestCommitsAsync(GitRepository repo, int number, CancellationToken cancellationToken = default)
    {
        var commits = await FindAsync(repo, "list pull request commits",
            c => c.PullRequest.Commits(repo.Owner, repo.Name, number),
            list => list.Select(GitHubMapping.ToCommit).ToArray(), cancellationToken).ConfigureAwait(false);
        return commits ?? [];
    }

    public async Task<UnifiedDiff> GetDiffAsync(GitRepository repo, string baseSha, string headSha, CancellationToken cancellationToken = default)
    {
        var compare = await RunAsync(repo, "compare",
            c => c.Repository.Commit.Compare(repo.Owner, repo.Name, baseSha, headSha), cancellationToken).ConfigureAwait(false);
        var files = compare.Files ?? [];
        return new UnifiedDiff(files.Select(f => GitHubMapping.ToDiffFile(f, diffParser)).ToArray());
    }

    public async Task<CiState> GetCiStateAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default)
    {
        var combined = await RunAsync(repo, "get combined status",
            c => c.Repository.Status.GetCombined(repo.Owner, repo.Name, sha), cancellationToken).ConfigureAwait(false);
        var runs = await RunAsync(repo, "list check runs",
            c => c.Check.Run.GetAllForReference(repo.Owner, repo.Name, sha), cancellationToken).ConfigureAwait(false);
        var statuses = (combined.Statuses ?? [])
            .Where(s => !CiState.IsCodecovContext(s.Context))
            .Select(s => new CiCheck(s.Context, CiSource.Status, GitHubMapping.ToState(s.State)));
        var checks = (runs.CheckRuns ?? [])
            .Where(r => !CiState.IsCodecovContext(r.Name))
            .Select(GitHubMapping.ToCheck);
        return new CiState(statuses.Concat(checks).ToArray());
    }

    public async Task<GitCommitStatus> SetCommitStatusAsync(GitRepository repo, string sha, string context, CommitStatusState state,
        string description, string? targetUrl, CancellationToken cancellationToken = default)
    {
        var status = new NewCommitStatus
        {
            Context = context,
            State = GitHubMapping.ToOctokit(state),
            Description = StatusDescription.Truncate(description),
            TargetUrl = targetUrl,
        };
        var created = await RunAsync(repo, "set commit status",
            c => c.Repository.Status.Create(repo.Owner, repo.Name, sha, status), cancellationToken).ConfigureAwait(false);
        return GitHubMapping.ToStatus(created);
    }

    public async Task<IReadOnlyList<GitCommitStatus>> ListCommitStatusesAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default)
    {
        var statuses = await FindAsync(repo, "list commit statuses",
            c => c.Repository.Status.GetAll(repo.Owner, repo.Name, sha), list => list, cancellationToken).ConfigureAwait(false);
        // GitHub lists newest first; the first of each context is the one in force.
        return (statuses ?? [])
            .DistinctBy(s => s.Context, StringComparer.Ordinal)
            .Select(GitHubMapping.ToStatus)
            .ToArray();
    }

    public async Task<GitComment> CreateCommentAsync(GitRepository repo, int pullRequest, string body, CancellationToken cancellationToken = default)
    {
        var comment = await RunAsync(repo, "create comment",
            c => c.Issue.Comment.Create(repo.Owner, repo.Name, pullRequest, body), cancellationToken).ConfigureAwait(false);
        return new GitComment(comment.Id, comment.Body);
    }

    public async Task<GitComment> UpdateCommentAsync(GitRepository repo, long commentId, string body, CancellationToken cancellationToken = default)
    {
        var comment = await RunAsync(repo, "update comment",
            c => c.Issue.Comment.Update(repo.Owner, repo.Name, commentId, body), cancellationToken).ConfigureAwait(false);
        return new GitComment(comment.Id, comment.Body);
    }

    public async Task<bool> DeleteCommentAsync(GitRepository repo, long commentId, CancellationToken cancellationToken = default)
    {
        var deleted = await FindAsync(repo, "delete comment",
            async c => { await c.Issue.Comment.Delete(repo.Owner, repo.Name, commentId).ConfigureAwait(false); return true; },
            done => done, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public Task<GitComment?> GetCommentAsync(GitRepository repo, long commentId, CancellationToken cancellationToken = default) =>
        FindAsync(repo, "get comment", c => c.Issue.Comment.Get(repo.Owner, repo.Name, commentId),
            comment => new GitComment(comment.Id, comment.Body), cancellationToken);

    private async Task<IReadOnlyList<RepositoryContent>> ListFolderAsync(GitRepository repo, string sha, string? folder, CancellationToken cancellationToken)
    {
        var entries = await FindAsync(repo, "list files",
            c => folder is null
                ? c.Repository.Content.GetAllContentsByRef(repo.Owner, repo.Name, sha)
                : c.Repository.Content.GetAllContentsByRef(repo.Owner, repo.Name, folder, sha),
            list => list, cancellationToken).ConfigureAwait(false);
        return entries ?? [];
    }

    private static string? FirstYaml(IReadOnlyList<RepositoryContent> entries) =>
        entries.FirstOrDefault(entry => YamlNames.Contains(entry.Name, StringComparer.Ordinal))?.Path;

    private Task<T> RunAsync<T>(GitRepository repo, string operation, Func<GitHubClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = clients.For(repo);
        return retry.RunAsync(operation, () => call(client), cancellationToken);
    }

    /// <summary>A lookup: "not found" (404, or 422 for an unknown sha) is an answer, not a failure.</summary>
    private async Task<TResult?> FindAsync<TSource, TResult>(GitRepository repo, string operation, Func<GitHubClient, Task<TSource>> call,
        Func<TSource, TResult> map, CancellationToken cancellationToken)
    {
        try
        {
            var found = await RunAsync(repo, operation, call, cancellationToken).ConfigureAwait(false);
            return found is null ? default : map(found);
        }
        catch (GitProviderException ex) when (ex.IsNotFound)
        {
            return default;
        }
    }
}
