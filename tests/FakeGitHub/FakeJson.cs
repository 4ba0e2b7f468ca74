using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Codecov.FakeGitHub;

/// <summary>
/// GitHub's JSON shapes. Octokit deserializes only a body whose media type is exactly
/// <c>application/json</c> and reads dates as <c>yyyy-MM-ddTHH:mm:ssZ</c> (octokit-notes §4).
/// </summary>
internal static class FakeJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static IResult Reply(object? body, int status = StatusCodes.Status200OK) => new JsonReply(body, status);

    public static IResult Error(int status, string message) =>
        Reply(new { Message = message, DocumentationUrl = "https://docs.github.com/rest" }, status);

    public static object User(string login) => new { Login = login, Id = Math.Abs(login.GetHashCode(StringComparison.Ordinal)), Type = "User" };

    public static object Repository(string fullName)
    {
        var owner = fullName[..fullName.IndexOf('/')];
        return new { Id = Math.Abs(fullName.GetHashCode(StringComparison.Ordinal)), Name = fullName[(owner.Length + 1)..], FullName = fullName, Owner = User(owner), Private = false };
    }

    public static object Commit(string baseUrl, string repo, FakeCommit commit)
    {
        var date = Date(commit.Timestamp ?? DateTimeOffset.UnixEpoch);
        var person = new { Name = commit.AuthorName, Email = "author@example.com", Date = date };
        return new
        {
            Sha = commit.Sha,
            NodeId = "C_" + commit.Sha,
            Url = $"{baseUrl}repos/{repo}/commits/{commit.Sha}",
            Commit = new { Message = commit.Message, Author = person, Committer = person, Tree = new { Sha = commit.Sha, Url = baseUrl } },
            Author = commit.AuthorLogin is null ? null : User(commit.AuthorLogin),
            Committer = commit.AuthorLogin is null ? null : User(commit.AuthorLogin),
            Parents = commit.Parents.Select(p => new { Sha = p, Url = $"{baseUrl}repos/{repo}/commits/{p}" }).ToArray(),
        };
    }

    public static object PullRequest(string baseUrl, string repo, FakePullRequest pull) => new
    {
        Id = 1_000_000L + pull.Number,
        NodeId = "PR_" + pull.Number,
        Number = pull.Number,
        State = pull.State,
        Title = pull.Title,
        Body = string.Empty,
        Merged = pull.Merged,
        MergedAt = pull.Merged ? Date(DateTimeOffset.UnixEpoch) : null,
        Draft = false,
        Url = $"{baseUrl}repos/{repo}/pulls/{pull.Number}",
        HtmlUrl = $"https://github.example/{repo}/pull/{pull.Number}",
        User = User("octocat"),
        CreatedAt = Date(DateTimeOffset.UnixEpoch),
        UpdatedAt = Date(DateTimeOffset.UnixEpoch),
        Head = Reference(pull.HeadRepository ?? repo, pull.HeadBranch, pull.HeadSha),
        Base = Reference(repo, pull.BaseBranch, pull.BaseSha),
    };

    private static object Reference(string repo, string branch, string sha) => new
    {
        Label = $"{repo[..repo.IndexOf('/')]}:{branch}",
        Ref = branch,
        Sha = sha,
        User = User(repo[..repo.IndexOf('/')]),
        Repo = Repository(repo),
    };

    public static object Status(string baseUrl, string repo, string sha, FakeStatus status) => new
    {
        Id = status.Id,
        NodeId = "S_" + status.Id,
        Url = $"{baseUrl}repos/{repo}/statuses/{sha}",
        State = status.State,
        Description = status.Description,
        TargetUrl = status.TargetUrl,
        Context = status.Context,
        CreatedAt = Date(status.CreatedAt),
        UpdatedAt = Date(status.CreatedAt),
        Creator = User("codecov-bot"),
    };

    public static object CheckRun(string sha, FakeCheckRun run) => new
    {
        Id = run.Id,
        HeadSha = sha,
        Name = run.Name,
        Status = run.Status,
        Conclusion = run.Conclusion,
        StartedAt = Date(DateTimeOffset.UnixEpoch),
        CompletedAt = run.Status == "completed" ? Date(DateTimeOffset.UnixEpoch) : null,
        ExternalId = string.Empty,
        Output = new { Title = run.Name, Summary = string.Empty, AnnotationsCount = 0 },
        CheckSuite = new { Id = run.Id + 1 },
        PullRequests = Array.Empty<object>(),
    };

    public static object Comment(string baseUrl, string repo, FakeComment comment) => new
    {
        Id = comment.Id,
        NodeId = "IC_" + comment.Id,
        Url = $"{baseUrl}repos/{repo}/issues/comments/{comment.Id}",
        HtmlUrl = $"https://github.example/{repo}/pull/{comment.PullRequest}#issuecomment-{comment.Id}",
        Body = comment.Body,
        User = User("codecov-bot"),
        CreatedAt = Date(DateTimeOffset.UnixEpoch),
        UpdatedAt = Date(DateTimeOffset.UnixEpoch),
        AuthorAssociation = "NONE",
    };

    private sealed class JsonReply(object? body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (body is null)
            {
                return;
            }
            // Exactly "application/json": ASP.NET's default adds "; charset=utf-8".
            httpContext.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, Options, httpContext.RequestAborted);
        }
    }
}
