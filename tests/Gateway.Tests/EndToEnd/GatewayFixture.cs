using System.Net.Http.Headers;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// What an end-to-end test sees of a deployment, whichever mode runs it: one gateway's URL and
/// tokens, a way to restart that gateway and to start another with its own settings. Shared by a
/// test class; each test uses its own repository.
/// </summary>
public abstract class GatewayFixture : IAsyncLifetime
{
    /// <summary>The gateway setting that holds <see cref="WebhookSecret"/>.</summary>
    public const string WebhookSecretSetting = "Webhooks__GitHubSecret";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public abstract string BaseUrl { get; }

    public abstract string GlobalToken { get; }

    public abstract string AdminToken { get; }

    public string WebhookSecret { get; } = "hook-" + Guid.NewGuid().ToString("N");

    /// <summary>Every process's output, for a failure message.</summary>
    public abstract string Output { get; }

    public abstract Task InitializeAsync();

    /// <summary>Stops the gateway as an operator would (SIGTERM) and starts it again; stored data stays.</summary>
    public abstract Task RestartGatewayAsync();

    /// <summary>
    /// Another gateway, with gateway <paramref name="settings"/> on top of the usual ones: in cluster mode
    /// a second gateway of the same cluster, in embedded mode a deployment of its own.
    /// </summary>
    public abstract Task<ExtraGateway> StartGatewayAsync(IReadOnlyDictionary<string, string> settings);

    public virtual Task DisposeAsync()
    {
        Http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Waits until every upload of the commit is processed or failed, then returns the commit as the API shows it.</summary>
    public async Task<JsonElement> WaitForCommitAsync(string owner, string repo, string sha, int expectedUploads = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var uploads = await GetJsonAsync($"/api/v2/github/{owner}/repos/{repo}/commits/{sha}/uploads/");
            var results = uploads?.RootElement.GetProperty("results").EnumerateArray().ToList() ?? [];
            var finished = results.Count(u => u.GetProperty("state").GetString() is "processed" or "error");
            if (results.Count >= expectedUploads && finished == results.Count)
            {
                var commit = await GetJsonAsync($"/api/v2/github/{owner}/repos/{repo}/commits/{sha}/");
                return commit!.RootElement.Clone();
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Uploads of {sha} did not finish: {uploads?.RootElement}\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Layers of settings, later ones winning.</summary>
    protected static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] layers)
    {
        var merged = new Dictionary<string, string>();
        foreach (var (key, value) in layers.SelectMany(l => l)) merged[key] = value;
        return merged;
    }

    public async Task<JsonDocument?> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>A gateway a test started for itself; disposing stops it.</summary>
public sealed class ExtraGateway(string baseUrl, string globalToken, Func<Task> stop) : IAsyncDisposable
{
    public string BaseUrl { get; } = baseUrl;

    public string GlobalToken { get; } = globalToken;

    public async ValueTask DisposeAsync() => await stop();
}
