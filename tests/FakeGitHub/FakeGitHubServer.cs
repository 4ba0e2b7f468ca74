using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Codecov.FakeGitHub;

/// <summary>
/// A GitHub REST double: a real Kestrel server on 127.0.0.1 with a random port, answering under
/// <c>/api/v3/</c> as GitHub Enterprise does (octokit-notes §1), over an in-memory model the test
/// arranges, with every call recorded and scripted failures per route.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FakeRepository> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<FakeFailure>> failures = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> calls = [];
    private readonly WebApplication app;

    // Above int.MaxValue, as github.com's comment ids already are (octokit-notes §10).
    private long nextId = 3_000_000_000;

    private FakeGitHubServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The host root, e.g. <c>http://127.0.0.1:PORT/</c>: what GitHub Enterprise users configure.</summary>
    public Uri Url { get; }

    public Uri ApiUrl => new(Url, "api/v3/");

    public static async Task<FakeGitHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeGitHubServer? server = null;
        app.Use((context, next) => BufferBody(context, next));
        app.UseRouting();
        app.Use((context, next) => server!.RecordAndFailAsync(context, next));
        var endpoints = new FakeGitHubEndpoints(() => server!);
        endpoints.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeGitHubServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToArray();
            }
        }
    }

    public IReadOnlyList<RecordedCall> CallsTo(string route) => Calls.Where(c => c.Route == route).ToArray();

    /// <summary>The next <paramref name="times"/> calls to <paramref name="route"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string route, int status, int times = 1, string? message = null) =>
        Script(route, FakeFailure.Error(status, message), times);

    /// <summary>The next calls meet GitHub's primary rate limit, resetting <paramref name="resetIn"/> from now.</summary>
    public void RateLimitNext(string route, TimeSpan resetIn, int times = 1) =>
        Script(route, FakeFailure.RateLimit(DateTimeOffset.UtcNow + resetIn), times);

    public void SecondaryRateLimitNext(string route, int retryAfterSeconds, int times = 1) =>
        Script(route, FakeFailure.SecondaryRateLimit(retryAfterSeconds), times);

    /// <summary>The next calls are answered only after <paramref name="delay"/> (client timeouts).</summary>
    public void DelayNext(string route, TimeSpan delay, int times = 1) => Script(route, FakeFailure.Slow(delay), times);

    private void Script(string route, FakeFailure failure, int times)
    {
        lock (gate)
        {
            if (!failures.TryGetValue(route, out var queue))
            {
                failures[route] = queue = new Queue<FakeFailure>();
            }
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    private static Task BufferBody(HttpContext context, Func<Task> next)
    {
        // Octokit may send large bodies; buffering lets the recorder read them and the endpoint read them again.
        context.Request.EnableBuffering();
        return next();
    }

    private async Task RecordAndFailAsync(HttpContext context, Func<Task> next)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.DisplayName ?? "unmatched";
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        FakeFailure? failure;
        lock (gate)
        {
            calls.Add(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty, route, body,
                context.Request.Headers.Authorization.ToString(), context.Request.Headers.Accept.ToString()));
            failure = failures.TryGetValue(route, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
        if (failure is null)
        {
            await next();
            return;
        }
        await FailAsync(context, failure, next);
    }

    private static async Task FailAsync(HttpContext context, FakeFailure failure, Func<Task> next)
    {
        if (failure.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(failure.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (failure.AnswersNormally)
        {
            await next();
            return;
        }
        foreach (var (name, value) in failure.Headers)
        {
            context.Response.Headers[name] = value;
        }
        await FakeJson.Error(failure.Status, failure.Message).ExecuteAsync(context);
    }

    internal T Read<T>(string repo, Func<FakeRepository, T> read)
    {
        lock (gate)
        {
            return read(Repository(repo));
        }
    }

    internal long NextId()
    {
        lock (gate)
        {
            return nextId++;
        }
    }

    private FakeRepository Repository(string repo)
    {
        if (!repositories.TryGetValue(repo, out var repository))
        {
            repositories[repo] = repository = new FakeRepository();
        }
        return repository;
    }
}
