namespace Codecov.FakeGitHub;

/// <summary>Keys of the endpoints the fake serves (under <c>/api/v3/</c>), for <c>FailNext</c> and the call log.</summary>
public static class FakeRoutes
{
    private const string Repo = "repos/{owner}/{repo}";

    public const string Commit = "GET " + Repo + "/commits/{sha}";
    public const string Contents = "GET " + Repo + "/contents/{**path}";
    public const string PullRequest = "GET " + Repo + "/pulls/{number}";
    public const string PullRequests = "GET " + Repo + "/pulls";
    public const string PullRequestCommits = "GET " + Repo + "/pulls/{number}/commits";
    public const string CommitPullRequests = "GET " + Repo + "/commits/{sha}/pulls";
    public const string Compare = "GET " + Repo + "/compare/{spec}";
    public const string CombinedStatus = "GET " + Repo + "/commits/{sha}/status";
    public const string CheckRuns = "GET " + Repo + "/commits/{sha}/check-runs";
    public const string CreateStatus = "POST " + Repo + "/statuses/{sha}";
    public const string ListStatuses = "GET " + Repo + "/commits/{sha}/statuses";
    public const string CreateComment = "POST " + Repo + "/issues/{number}/comments";
    public const string GetComment = "GET " + Repo + "/issues/comments/{id}";
    public const string UpdateComment = "PATCH " + Repo + "/issues/comments/{id}";
    public const string DeleteComment = "DELETE " + Repo + "/issues/comments/{id}";
    public const string RateLimit = "GET rate_limit";

    public static string Method(string route) => route[..route.IndexOf(' ')];

    public static string Template(string route) => "/api/v3/" + route[(route.IndexOf(' ') + 1)..];
}
