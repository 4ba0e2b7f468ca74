namespace Codecov.FakeGitHub;

/// <summary>What a test puts into the fake and reads back from it. <c>repo</c> is always <c>owner/name</c>.</summary>
public sealed partial class FakeGitHubServer
{
    public void AddCommit(string repo, string sha, params string[] parents) => AddCommit(repo, new FakeCommit(sha, parents));

    public void AddCommit(string repo, FakeCommit commit) => Write(repo, r => r.Commits[commit.Sha] = commit);

    public void SetFile(string repo, string sha, string path, string text) => Write(repo, r =>
    {
        if (!r.Files.TryGetValue(sha, out var files))
        {
            r.Files[sha] = files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        }
        files[path] = text;
    });

    public void AddPullRequest(string repo, FakePullRequest pull) => Write(repo, r => r.PullRequests[pull.Number] = pull);

    /// <summary>What <c>compare/{base}...{head}</c> answers.</summary>
    public void SetDiff(string repo, string baseSha, string headSha, params FakeFileChange[] files) =>
        Write(repo, r => r.Diffs[(baseSha, headSha)] = files);

    /// <summary>A commit status posted by some CI (or by Codecov earlier).</summary>
    public void SetCiStatus(string repo, string sha, string context, string state, string? description = null) =>
        Write(repo, r => PostStatus(r, sha, context, state, description, null));

    public void AddCheckRun(string repo, string sha, string name, string status, string? conclusion = null) => Write(repo, r =>
    {
        if (!r.CheckRuns.TryGetValue(sha, out var runs))
        {
            r.CheckRuns[sha] = runs = [];
        }
        runs.Add(new FakeCheckRun(NextId(), name, status, conclusion));
    });

    public long AddComment(string repo, int pullRequest, string body)
    {
        var comment = new FakeComment(NextId(), pullRequest, body);
        Write(repo, r => r.Comments[comment.Id] = comment);
        return comment.Id;
    }

    /// <summary>Statuses on the commit in the order they were posted (oldest first).</summary>
    public IReadOnlyList<FakeStatus> Statuses(string repo, string sha) =>
        Read(repo, r => r.Statuses.TryGetValue(sha, out var list) ? list.ToArray() : []);

    /// <summary>Comments that currently exist on the pull request, oldest first.</summary>
    public IReadOnlyList<FakeComment> Comments(string repo, int pullRequest) =>
        Read(repo, r => r.Comments.Values.Where(c => c.PullRequest == pullRequest).OrderBy(c => c.Id).ToArray());

    internal FakeStatus PostStatus(FakeRepository repository, string sha, string context, string state, string? description, string? targetUrl)
    {
        if (!repository.Statuses.TryGetValue(sha, out var list))
        {
            repository.Statuses[sha] = list = [];
        }
        var status = new FakeStatus(NextId(), context, state, description, targetUrl, DateTimeOffset.UtcNow);
        list.Add(status);
        return status;
    }

    private void Write(string repo, Action<FakeRepository> write) => Read(repo, r =>
    {
        write(r);
        return 0;
    });
}
