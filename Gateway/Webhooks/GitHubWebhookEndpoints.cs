using System.Text.Json;
using Codecov.Grains.Commits;
using Codecov.Grains.Providers;
using Codecov.Grains.Pulls;
using Codecov.Grains.Repositories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/github</c>: a delivery is acted on only when its <c>X-Hub-Signature-256</c>
/// matches (constant-time); pull requests update their grain and re-notify the head, finished CI
/// releases a notification waiting for CI, pushes record the branch of the new head.
/// </summary>
public static class GitHubWebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/webhooks/github", ReceiveAsync).WithTags("Webhooks");
        return routes;
    }

    private static async Task<Results<Accepted<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<WebhookOptions> options, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(options.Value.GitHubSecret))
            return Problem(StatusCodes.Status503ServiceUnavailable, "Webhooks are not configured", "Set Webhooks:GitHubSecret.");
        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes);
        if (body is null) return Problem(StatusCodes.Status413PayloadTooLarge, "Delivery too large", null);
        var signature = request.Headers[GitHubWebhookSignature.HeaderName].ToString();
        if (!new GitHubWebhookSignature(options.Value.GitHubSecret).IsValid(body, signature))
            return Problem(StatusCodes.Status401Unauthorized, "Invalid signature", $"{GitHubWebhookSignature.HeaderName} does not match the delivery.");

        var eventName = request.Headers["X-GitHub-Event"].ToString();
        GitHubEvent? delivery;
        try
        {
            using var json = JsonDocument.Parse(body);
            delivery = GitHubEvent.Read(eventName, json.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unreadable delivery", e.Message);
        }
        var handled = delivery is not null && await HandleAsync(delivery, grains);
        return TypedResults.Accepted((string?)null, new WebhookReceipt(eventName, handled));
    }

    private static async Task<bool> HandleAsync(GitHubEvent delivery, IGrainFactory grains)
    {
        if (await grains.GetGrain<IRepositoryGrain>(delivery.Repository.ToString()).GetAsync() is null) return false;
        switch (delivery)
        {
            case GitHubEvent.PullRequest pull:
                await grains.GetGrain<IPullGrain>(new PullKey(pull.Repository, pull.Number).ToString()).UpdateAsync(pull.Update);
                var head = grains.GetGrain<ICommitGrain>(pull.Repository.Commit(pull.Update.HeadSha).ToString());
                if (await head.GetAsync() is null) return true;
                await head.UpsertAsync(new CommitUpsert(pull.Update.HeadBranch, pull.Number, null));
                if (pull.Update.State == "open") await head.CiChangedAsync();
                return true;
            case GitHubEvent.CiFinished ci:
                var commit = grains.GetGrain<ICommitGrain>(ci.Repository.Commit(ci.Sha).ToString());
                if (await commit.GetAsync() is null) return false;
                await commit.CiChangedAsync();
                return true;
            case GitHubEvent.Push push:
                var pushed = grains.GetGrain<ICommitGrain>(push.Repository.Commit(push.HeadSha).ToString());
                if (await pushed.GetAsync() is null) return false;
                await pushed.UpsertAsync(new CommitUpsert(push.Branch, null, null));
                return true;
            default:
                return false;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

public sealed record WebhookReceipt(string Event, bool Handled);
