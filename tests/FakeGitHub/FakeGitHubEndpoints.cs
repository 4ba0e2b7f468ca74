using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Codecov.FakeGitHub;

/// <summary>The GitHub REST endpoints Octokit calls for the git provider, answered from the arranged model.</summary>
internal sealed class FakeGitHubEndpoints(Func<FakeGitHubServer> server)
{
    private FakeGitHubServer Server => server();

    public void Map(IEndpointRouteBuilder app)
    {
        Map(app, FakeRoutes.Commit, (string owner, string repo, string sha) => Commit(Name(owner, repo), sha));
        Map(app, FakeRoutes.Contents, (HttpContext context, string owner, string repo, string? path) => Contents(context, Name(owner, repo), path ?? string.Empty));
        Map(app, FakeRoutes.PullRequest, (string owner, string repo, int number) => PullRequest(Name(owner, repo), number));
        Map(app, FakeRoutes.PullRequests, (HttpContext context, string owner, string repo) => PullRequests(context, Name(owner, repo)));
        Map(app, FakeRoutes.PullRequestCommits, (string owner, string repo, int number) => PullRequestCommits(Name(owner, repo), number));
        Map(app, FakeRoutes.CommitPullRequests, (string owner, string repo, string sha) => CommitPullRequests(Name(owner, repo), sha));
        Map(app, FakeRoutes.Compare, (string owner, string repo, string spec) => Compare(Name(owner, repo), spec));
        Map(app, FakeRoutes.CombinedStatus, (string owner, string repo, string sha) => CombinedStatus(Name(owner, repo), sha));
        Map(app, FakeRoutes.CheckRuns, (string owner, string repo, string sha) => CheckRuns(Name(owner, repo), sha));
        Map(app, FakeRoutes.ListStatuses, (string owner, string repo, string sha) => ListStatuses(Name(owner, repo), sha));
        Map(app, FakeRoutes.CreateStatus, (HttpContext context, string owner, string repo, string sha) => CreateStatus(context, Name(owner, repo), sha));
        Map(app, FakeRoutes.CreateComment, (HttpContext context, string owner, string repo, int number) => CreateComment(context, Name(owner, repo), number));
        Map(app, FakeRoutes.GetComment, (string owner, string repo, long id) => GetComment(Name(owner, repo), id));
        Map(app, FakeRoutes.UpdateComment, (HttpContext context, string owner, string repo, long id) => UpdateComment(context, Name(owner, repo), id));
        Map(app, FakeRoutes.DeleteComment, (string owner, string repo, long id) => DeleteComment(Name(owner, repo), id));
        Map(app, FakeRoutes.RateLimit, () => RateLimit());
    }

    private static void Map(IEndpointRouteBuilder app, string route, Delegate handler) =>
        app.MapMethods(FakeRoutes.Template(route), [FakeRoutes.Method(route)], handler).WithDisplayName(route);

    private static string Name(string owner, string repo) => $"{owner}/{repo}";

    private string BaseUrl => Server.ApiUrl.ToString();

    private IResult Commit(string repo, string sha) => Server.Read(repo, r =>
        r.Commits.TryGetValue(sha, out var commit)
            ? FakeJson.Reply(FakeJson.Commit(BaseUrl, repo, commit))
            : UnknownSha(sha));

    // GitHub answers 422, not 404, for a sha it does not know (octokit-notes §8).
    private static IResult UnknownSha(string sha) => FakeJson.Error(StatusCodes.Status422UnprocessableEntity, $"No commit found for SHA: {sha}");

    private IResult Contents(HttpContext context, string repo, string path)
    {
        var reference = context.Request.Query["ref"].ToString();
        path = path.Trim('/');
        return Server.Read(repo, r =>
        {
            if (!r.Files.TryGetValue(reference, out var files))
            {
                return FakeJson.Error(StatusCodes.Status404NotFound, $"No commit found for the ref {reference}");
            }
            if (files.TryGetValue(path, out var text))
            {
                return File(context, repo, reference, path, text);
            }
            var listing = FakeContents.List(files, path).Select(e => FakeContents.Entry(BaseUrl, repo, reference, e.Path, e.IsDirectory)).ToArray();
            return listing.Length == 0 ? FakeJson.Error(StatusCodes.Status404NotFound, "Not Found") : FakeJson.Reply(listing);
        });
    }

    private IResult File(HttpContext context, string repo, string reference, string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // The raw media type returns the bytes themselves (Octokit's GetRawContent).
        if (context.Request.Headers.Accept.ToString().Contains(".raw", StringComparison.Ordinal))
        {
            return Results.Bytes(bytes, "application/vnd.github.v3.raw");
        }
        return FakeJson.Reply(FakeContents.File(BaseUrl, repo, reference, path, bytes));
    }

    private IResult PullRequest(string repo, int number) => Server.Read(repo, r =>
        r.PullRequests.TryGetValue(number, out var pull)
            ? FakeJson.Reply(FakeJson.PullRequest(BaseUrl, repo, pull))
            : FakeJson.Error(StatusCodes.Status404NotFound, "Not Found"));

    private IResult PullRequests(HttpContext context, string repo)
    {
        var state = context.Request.Query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var head = context.Request.Query["head"].ToString();
        return Server.Read(repo, r => FakeJson.Reply(r.PullRequests.Values
            .Where(p => state == "all" || p.State == state)
            .Where(p => head.Length == 0 || head == $"{(p.HeadRepository ?? repo).Split('/')[0]}:{p.HeadBranch}")
            .OrderByDescending(p => p.Number)
            .Select(p => FakeJson.PullRequest(BaseUrl, repo, p))
            .ToArray()));
    }

    private IResult PullRequestCommits(string repo, int number) => Server.Read(repo, r =>
    {
        if (!r.PullRequests.TryGetValue(number, out var pull))
        {
            return FakeJson.Error(StatusCodes.Status404NotFound, "Not Found");
        }
        var commits = (pull.Commits ?? [pull.HeadSha])
            .Select(sha => r.Commits.TryGetValue(sha, out var c) ? c : new FakeCommit(sha, []))
            .Select(c => FakeJson.Commit(BaseUrl, repo, c));
        return FakeJson.Reply(commits.ToArray());
    });

    private IResult CommitPullRequests(string repo, string sha) => Server.Read(repo, r =>
        FakeJson.Reply(r.PullRequests.Values
            .Where(p => p.HeadSha == sha || (p.Commits?.Contains(sha) ?? false))
            .OrderByDescending(p => p.Number)
            .Select(p => FakeJson.PullRequest(BaseUrl, repo, p))
            .ToArray()));

    private IResult Compare(string repo, string spec)
    {
        var parts = Uri.UnescapeDataString(spec).Split("...", 2);
        if (parts.Length != 2)
        {
            return FakeJson.Error(StatusCodes.Status404NotFound, "Not Found");
        }
        return Server.Read(repo, r => r.Diffs.TryGetValue((parts[0], parts[1]), out var files)
            ? FakeJson.Reply(FakeContents.Compare(BaseUrl, repo, parts[0], parts[1], files))
            : FakeJson.Error(StatusCodes.Status404NotFound, $"No common ancestor between {parts[0]} and {parts[1]}."));
    }

    private IResult CombinedStatus(string repo, string sha) => Server.Read(repo, r =>
    {
        // The combined view shows the newest status of each context.
        var latest = (r.Statuses.TryGetValue(sha, out var list) ? list : [])
            .AsEnumerable().Reverse().DistinctBy(s => s.Context).ToArray();
        var state = latest.Any(s => s.State is "failure" or "error") ? "failure"
            : latest.Length == 0 || latest.Any(s => s.State == "pending") ? "pending"
            : "success";
        return FakeJson.Reply(new
        {
            State = state,
            Sha = sha,
            TotalCount = latest.Length,
            Statuses = latest.Select(s => FakeJson.Status(BaseUrl, repo, sha, s)).ToArray(),
            Repository = FakeJson.Repository(repo),
        });
    });

    private IResult CheckRuns(string repo, string sha) => Server.Read(repo, r =>
    {
        var runs = r.CheckRuns.TryGetValue(sha, out var list) ? list.ToArray() : [];
        return FakeJson.Reply(new { TotalCount = runs.Length, CheckRuns = runs.Select(run => FakeJson.CheckRun(sha, run)).ToArray() });
    });

    private IResult ListStatuses(string repo, string sha) => Server.Read(repo, r =>
        FakeJson.Reply((r.Statuses.TryGetValue(sha, out var list) ? list : [])
            .AsEnumerable().Reverse()
            .Select(s => FakeJson.Status(BaseUrl, repo, sha, s))
            .ToArray()));

    private async Task<IResult> CreateStatus(HttpContext context, string repo, string sha)
    {
        var request = await ReadAsync<StatusRequest>(context);
        // GitHub's limit (octokit-notes §11).
        if (request.Description is { Length: > 140 })
        {
            return FakeJson.Error(StatusCodes.Status422UnprocessableEntity, "Validation Failed: description is too long (maximum is 140 characters)");
        }
        return Server.Read(repo, r => r.Knows(sha)
            ? FakeJson.Reply(FakeJson.Status(BaseUrl, repo, sha,
                Server.PostStatus(r, sha, request.Context ?? "default", request.State, request.Description, request.TargetUrl)), StatusCodes.Status201Created)
            : UnknownSha(sha));
    }

    private async Task<IResult> CreateComment(HttpContext context, string repo, int number)
    {
        var request = await ReadAsync<CommentRequest>(context);
        if (request.Body.Length > 65_536)
        {
            return FakeJson.Error(StatusCodes.Status422UnprocessableEntity, "Validation Failed: body is too long (maximum is 65536 characters)");
        }
        return Server.Read(repo, r =>
        {
            if (!r.PullRequests.ContainsKey(number))
            {
                return FakeJson.Error(StatusCodes.Status404NotFound, "Not Found");
            }
            var comment = new FakeComment(Server.NextId(), number, request.Body);
            r.Comments[comment.Id] = comment;
            return FakeJson.Reply(FakeJson.Comment(BaseUrl, repo, comment), StatusCodes.Status201Created);
        });
    }

    private IResult GetComment(string repo, long id) => Server.Read(repo, r =>
        r.Comments.TryGetValue(id, out var comment)
            ? FakeJson.Reply(FakeJson.Comment(BaseUrl, repo, comment))
            : FakeJson.Error(StatusCodes.Status404NotFound, "Not Found"));

    private async Task<IResult> UpdateComment(HttpContext context, string repo, long id)
    {
        var request = await ReadAsync<CommentRequest>(context);
        return Server.Read(repo, r =>
        {
            if (!r.Comments.TryGetValue(id, out var comment))
            {
                return FakeJson.Error(StatusCodes.Status404NotFound, "Not Found");
            }
            r.Comments[id] = comment = comment with { Body = request.Body };
            return FakeJson.Reply(FakeJson.Comment(BaseUrl, repo, comment));
        });
    }

    private IResult DeleteComment(string repo, long id) => Server.Read(repo, r =>
        r.Comments.Remove(id) ? Results.StatusCode(StatusCodes.Status204NoContent) : FakeJson.Error(StatusCodes.Status404NotFound, "Not Found"));

    private static IResult RateLimit()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var core = new { Limit = 5000, Remaining = 5000, Reset = reset };
        return FakeJson.Reply(new { Resources = new { Core = core, Search = core }, Rate = core });
    }

    private static async Task<T> ReadAsync<T>(HttpContext context) =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, FakeJson.Options, context.RequestAborted)
        ?? throw new BadHttpRequestException("empty body");

    private sealed record StatusRequest(string State, string? Context, string? Description, string? TargetUrl);

    private sealed record CommentRequest(string Body);
}
