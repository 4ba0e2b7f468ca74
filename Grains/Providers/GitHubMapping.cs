using Octokit;

namespace Codecov.Grains.Providers;

/// <summary>Octokit models to provider-neutral records.</summary>
internal static class GitHubMapping
{
    public static GitCommit ToCommit(GitHubCommit commit) => ToCommit(commit.Sha, commit.Parents, commit.Commit, commit.Author?.Login);

    public static GitCommit ToCommit(PullRequestCommit commit) => ToCommit(commit.Sha, commit.Parents, commit.Commit, commit.Author?.Login);

    // Octokit's two commit shapes share these parts but no base type.
    private static GitCommit ToCommit(string sha, IEnumerable<GitReference>? parents, Commit? commit, string? login) => new(
        sha,
        parents?.Select(p => p.Sha).ToArray() ?? [],
        commit?.Message ?? string.Empty,
        login,
        commit?.Author?.Name,
        commit?.Author?.Date ?? default);

    public static GitPullRequest ToPullRequest(PullRequest pull, GitRepository repo) =>
        ToPullRequest(pull.Number, pull.State, pull.Merged || pull.MergedAt is not null, pull.Title, pull.Head, pull.Base, repo);

    // GitHub's commits/{sha}/pulls items carry merged_at but no "merged" flag.
    public static GitPullRequest ToPullRequest(CommitPullRequest pull, GitRepository repo) =>
        ToPullRequest(pull.Number, pull.State, pull.Merged || pull.MergedAt is not null, pull.Title, pull.Head, pull.Base, repo);

    private static GitPullRequest ToPullRequest(int number, StringEnum<ItemState> state, bool merged, string? title,
        GitReference head, GitReference @base, GitRepository repo) => new(
        number,
        merged ? PullRequestState.Merged
            : state.StringValue == "open" ? PullRequestState.Open
            : PullRequestState.Closed,
        title ?? string.Empty,
        ToRef(head, repo),
        ToRef(@base, repo));

    // A fork that was deleted leaves the head without a repository.
    private static PullRequestRef ToRef(GitReference reference, GitRepository repo) =>
        new(reference.Sha, reference.Ref, reference.Repository?.FullName ?? repo.FullName);

    public static CommitStatusState ToState(StringEnum<CommitState> state) => state.StringValue switch
    {
        "success" => CommitStatusState.Success,
        "failure" => CommitStatusState.Failure,
        "error" => CommitStatusState.Error,
        _ => CommitStatusState.Pending,
    };

    public static CommitState ToOctokit(CommitStatusState state) => state switch
    {
        CommitStatusState.Success => CommitState.Success,
        CommitStatusState.Failure => CommitState.Failure,
        CommitStatusState.Error => CommitState.Error,
        _ => CommitState.Pending,
    };

    public static GitCommitStatus ToStatus(CommitStatus status) =>
        new(status.Context, ToState(status.State), status.Description, status.TargetUrl);

    /// <summary>
    /// A check run counts as pending until completed; "neutral" and "skipped" do not fail CI
    /// (GitHub's own merge-box rule), every other conclusion does.
    /// </summary>
    public static CiCheck ToCheck(CheckRun run)
    {
        var state = run.Status.StringValue != "completed" ? CommitStatusState.Pending
            : run.Conclusion?.StringValue switch
            {
                "success" or "neutral" or "skipped" => CommitStatusState.Success,
                null => CommitStatusState.Pending,
                _ => CommitStatusState.Failure,
            };
        return new CiCheck(run.Name, CiSource.CheckRun, state);
    }

    public static DiffFile ToDiffFile(GitHubCommitFile file, UnifiedDiffParser parser)
    {
        var segments = file.Patch is { Length: > 0 } patch ? parser.ParseSegments(patch) : [];
        var kind = file.Status switch
        {
            "added" => DiffFileKind.New,
            "removed" => DiffFileKind.Deleted,
            "renamed" => DiffFileKind.Renamed,
            _ => DiffFileKind.Modified,
        };
        // GitHub leaves out the patch of a binary file and counts no changed lines for it.
        if (file.Patch is null && file.Changes == 0 && kind != DiffFileKind.Renamed)
        {
            kind = DiffFileKind.Binary;
        }
        var oldPath = kind == DiffFileKind.Renamed ? file.PreviousFileName : null;
        return new DiffFile(file.Filename, oldPath, kind, segments);
    }
}
