namespace Codecov.Grains.Providers;

/// <summary>
/// What notifications need from a git host. Calls retry rate limits, 5xx and timeouts themselves;
/// a refusal surfaces as <see cref="GitProviderException"/> with the provider's message. Lookups
/// of things that do not exist return null or an empty list instead.
/// </summary>
public interface IGitProvider
{
    Task<GitCommit?> GetCommitAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default);

    /// <summary>The file's text at <paramref name="sha"/>, or null when there is no such file.</summary>
    Task<string?> GetFileAsync(GitRepository repo, string sha, string path, CancellationToken cancellationToken = default);

    /// <summary>The codecov.yml Codecov would read at <paramref name="sha"/> (root first, then <c>dev/</c>, <c>.github/</c>).</summary>
    Task<CodecovYamlFile?> FindCodecovYamlAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default);

    Task<GitPullRequest?> GetPullRequestAsync(GitRepository repo, int number, CancellationToken cancellationToken = default);

    /// <summary>Pull requests that contain the commit (GitHub's <c>commits/{sha}/pulls</c>).</summary>
    Task<IReadOnlyList<GitPullRequest>> FindPullRequestsForCommitAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default);

    /// <summary>The newest open pull request whose head is <paramref name="branch"/> of this repository.</summary>
    Task<GitPullRequest?> FindOpenPullRequestForBranchAsync(GitRepository repo, string branch, CancellationToken cancellationToken = default);

    /// <summary>The pull request's commits, oldest first, for the base walk of codecov-semantics §5.</summary>
    Task<IReadOnlyList<GitCommit>> ListPullRequestCommitsAsync(GitRepository repo, int number, CancellationToken cancellationToken = default);

    Task<UnifiedDiff> GetDiffAsync(GitRepository repo, string baseSha, string headSha, CancellationToken cancellationToken = default);

    /// <summary>Commit statuses and check runs on the commit, without Codecov's own contexts.</summary>
    Task<CiState> GetCiStateAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default);

    /// <summary>Posts a status; the description is cut to the provider's limit.</summary>
    Task<GitCommitStatus> SetCommitStatusAsync(GitRepository repo, string sha, string context, CommitStatusState state,
        string description, string? targetUrl, CancellationToken cancellationToken = default);

    /// <summary>The newest status per context, so an unchanged status need not be posted again.</summary>
    Task<IReadOnlyList<GitCommitStatus>> ListCommitStatusesAsync(GitRepository repo, string sha, CancellationToken cancellationToken = default);

    Task<GitComment> CreateCommentAsync(GitRepository repo, int pullRequest, string body, CancellationToken cancellationToken = default);

    Task<GitComment> UpdateCommentAsync(GitRepository repo, long commentId, string body, CancellationToken cancellationToken = default);

    /// <summary>False when the comment was already gone.</summary>
    Task<bool> DeleteCommentAsync(GitRepository repo, long commentId, CancellationToken cancellationToken = default);

    /// <summary>Null when the comment was deleted (by a user, for <c>behavior: once</c>).</summary>
    Task<GitComment?> GetCommentAsync(GitRepository repo, long commentId, CancellationToken cancellationToken = default);
}
