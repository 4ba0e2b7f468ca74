namespace Codecov.Grains.Providers;

public enum PullRequestState
{
    Open,
    Closed,
    Merged,
}

/// <summary>One side of a pull request: the commit, its branch and the repository it lives in (forks differ from the base).</summary>
public sealed record PullRequestRef(string Sha, string Branch, string RepositoryFullName);

public sealed record GitPullRequest(
    int Number,
    PullRequestState State,
    string Title,
    PullRequestRef Head,
    PullRequestRef Base);
