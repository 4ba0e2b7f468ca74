using System.Text.Json;
using Codecov.Grains;
using Codecov.Grains.Pulls;

namespace Codecov.Gateway.Webhooks;

/// <summary>What a GitHub delivery says, reduced to what the product acts on.</summary>
public abstract record GitHubEvent(RepositoryKey Repository)
{
    /// <summary>A pull request opened, updated or closed: its new head and base.</summary>
    public sealed record PullRequest(RepositoryKey Repository, int Number, PullUpdate Update) : GitHubEvent(Repository);

    /// <summary>A commit status, check run or check suite finished on a commit.</summary>
    public sealed record CiFinished(RepositoryKey Repository, string Sha) : GitHubEvent(Repository);

    /// <summary>A branch moved to a new head.</summary>
    public sealed record Push(RepositoryKey Repository, string Branch, string HeadSha) : GitHubEvent(Repository);

    /// <summary>
    /// Reads a delivery; null for events and actions the product ignores (ping, pending statuses,
    /// check runs still running, tag pushes, …).
    /// </summary>
    public static GitHubEvent? Read(string eventName, JsonElement payload)
    {
        if (!payload.TryGetProperty("repository", out var repo)) return null;
        var key = new RepositoryKey("github", repo.GetProperty("owner").GetProperty("login").GetString()!, repo.GetProperty("name").GetString()!);
        return eventName switch
        {
            "pull_request" => ReadPull(key, payload),
            "status" when Text(payload, "state") != "pending" => new CiFinished(key, Text(payload, "sha")!),
            "check_run" when Text(payload, "action") == "completed" =>
                new CiFinished(key, payload.GetProperty("check_run").GetProperty("head_sha").GetString()!),
            "check_suite" when Text(payload, "action") == "completed" =>
                new CiFinished(key, payload.GetProperty("check_suite").GetProperty("head_sha").GetString()!),
            "push" when Text(payload, "ref") is { } reference && reference.StartsWith("refs/heads/", StringComparison.Ordinal)
                && Text(payload, "after") is { } after && after.Trim('0').Length > 0 =>
                new Push(key, reference["refs/heads/".Length..], after),
            _ => null,
        };
    }

    private static PullRequest? ReadPull(RepositoryKey key, JsonElement payload)
    {
        if (Text(payload, "action") is not ("opened" or "reopened" or "synchronize" or "edited" or "closed")) return null;
        var pull = payload.GetProperty("pull_request");
        var state = Text(pull, "state") == "open" ? "open" : pull.TryGetProperty("merged", out var merged) && merged.ValueKind == JsonValueKind.True ? "merged" : "closed";
        var head = pull.GetProperty("head");
        var @base = pull.GetProperty("base");
        return new PullRequest(key, pull.GetProperty("number").GetInt32(), new PullUpdate(state,
            Text(head, "sha")!, Text(head, "ref")!, Text(@base, "sha")!, Text(@base, "ref")!, Text(pull, "title")));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
