using Codecov.Grains.Commits;
using Codecov.Grains.Providers;

namespace Codecov.Grains.Notifications;

/// <summary>
/// What a commit is compared with (codecov-semantics §5 "PR base"): the diff base for patch
/// coverage and the commit whose report the project status and comment compare against.
/// </summary>
public sealed record BaseChoice(string? DiffBaseSha, CommitSnapshot? ComparedTo, string Explanation);

/// <summary>
/// With a pull request: the diff runs from the PR's base — the first parent of its commits outside the
/// pull request, else the provider's base sha; the comparison uses the base's report, or
/// — when the base has none — the newest first-parent ancestor of the base that has one (the base
/// branch's history; at most <see cref="MaxWalk"/> commits). Without a pull request: the parent commit.
/// </summary>
public sealed class BaseSelector(IGitProvider provider, CommitSnapshots snapshots)
{
    public const int MaxWalk = 10;

    public async Task<BaseChoice> ChooseAsync(CommitKey head, CommitInfo info, GitRepository repo, GitPullRequest? pull, CancellationToken cancellationToken)
    {
        if (pull is not null)
        {
            var pullBase = await BranchPointAsync(repo, pull, cancellationToken) ?? pull.Base.Sha;
            var compared = await FirstWithReportAsync(head.Repository, repo, pullBase, cancellationToken);
            var why = compared is null
                ? $"no report found for the pull request base {Short(pullBase)} or its {MaxWalk} nearest ancestors"
                : compared.Key.Sha == pullBase
                    ? $"compared with the pull request base {Short(pullBase)}"
                    : $"the pull request base {Short(pullBase)} has no report; compared with its ancestor {Short(compared.Key.Sha)}";
            return new BaseChoice(pullBase, compared, why);
        }

        var parent = info.ParentSha ?? (await provider.GetCommitAsync(repo, head.Sha, cancellationToken))?.ParentShas.FirstOrDefault();
        if (parent is null) return new BaseChoice(null, null, "the commit has no parent");
        var snapshot = await snapshots.LoadAsync(head.Repository.Commit(parent), cancellationToken);
        return new BaseChoice(parent, snapshot.HasReport ? snapshot : null,
            snapshot.HasReport ? $"compared with the parent {Short(parent)}" : $"the parent {Short(parent)} has no report");
    }

    /// <summary>
    /// Codecov's <c>pull.base</c>: walking the pull request's commits, the first parent that is not
    /// itself in the pull request (the branch point); null when the provider lists no commits.
    /// </summary>
    private async Task<string?> BranchPointAsync(GitRepository repo, GitPullRequest pull, CancellationToken cancellationToken)
    {
        var commits = await provider.ListPullRequestCommitsAsync(repo, pull.Number, cancellationToken);
        var inPull = commits.Select(c => c.Sha).ToHashSet(StringComparer.Ordinal);
        return commits.SelectMany(c => c.ParentShas).FirstOrDefault(parent => !inPull.Contains(parent));
    }

    private async Task<CommitSnapshot?> FirstWithReportAsync(RepositoryKey repository, GitRepository repo, string sha, CancellationToken cancellationToken)
    {
        string? current = sha;
        for (var step = 0; current is not null && step <= MaxWalk; step++)
        {
            var snapshot = await snapshots.LoadAsync(repository.Commit(current), cancellationToken);
            if (snapshot.HasReport) return snapshot;
            current = (await provider.GetCommitAsync(repo, current, cancellationToken))?.ParentShas.FirstOrDefault();
        }
        return null;
    }

    internal static string Short(string sha) => sha[..Math.Min(7, sha.Length)];
}
