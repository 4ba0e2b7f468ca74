namespace Codecov.FakeGitHub;

/// <summary>A commit the test arranges; <see cref="AuthorLogin"/> null means an author without a GitHub account.</summary>
public sealed record FakeCommit(
    string Sha,
    IReadOnlyList<string> Parents,
    string Message = "a commit",
    string? AuthorLogin = "octocat",
    string AuthorName = "The Octocat",
    DateTimeOffset? Timestamp = null);

/// <summary>A pull request; <see cref="Commits"/> are its commits oldest first (GitHub's <c>pulls/{n}/commits</c>).</summary>
public sealed record FakePullRequest(
    int Number,
    string HeadSha,
    string HeadBranch,
    string BaseSha,
    string BaseBranch = "main",
    string State = "open",
    bool Merged = false,
    string Title = "A pull request",
    string? HeadRepository = null,
    IReadOnlyList<string>? Commits = null);

/// <summary>One file of a compare result, as GitHub's <c>files[]</c>; a binary file has no patch and no changes.</summary>
public sealed record FakeFileChange(
    string Filename,
    string Status,
    string? Patch,
    string? PreviousFilename = null,
    int Additions = 0,
    int Deletions = 0);

public sealed record FakeStatus(long Id, string Context, string State, string? Description, string? TargetUrl, DateTimeOffset CreatedAt);

public sealed record FakeCheckRun(long Id, string Name, string Status, string? Conclusion);

public sealed record FakeComment(long Id, int PullRequest, string Body);

/// <summary>One request as the server saw it. <see cref="Route"/> is the endpoint's key from <see cref="FakeRoutes"/>.</summary>
public sealed record RecordedCall(string Method, string Path, string Query, string Route, string Body, string? Authorization, string? Accept);

/// <summary>Everything known about one repository. Guarded by the server's lock.</summary>
internal sealed class FakeRepository
{
    public Dictionary<string, FakeCommit> Commits { get; } = new(StringComparer.Ordinal);

    /// <summary>sha → path → text.</summary>
    public Dictionary<string, SortedDictionary<string, string>> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, FakePullRequest> PullRequests { get; } = [];

    public Dictionary<(string Base, string Head), IReadOnlyList<FakeFileChange>> Diffs { get; } = [];

    /// <summary>sha → statuses in the order posted.</summary>
    public Dictionary<string, List<FakeStatus>> Statuses { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FakeCheckRun>> CheckRuns { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, FakeComment> Comments { get; } = [];

    /// <summary>GitHub accepts any prefix of a known sha of at least 4 characters; exact matches are enough here.</summary>
    public bool Knows(string sha) => Commits.ContainsKey(sha) || Files.ContainsKey(sha);
}
