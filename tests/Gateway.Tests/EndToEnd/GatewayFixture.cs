using System.Net.Http.Headers;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>One embedded-mode Gateway process shared by a test class; each test uses its own repository.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayProcess Gateway { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Task InitializeAsync() => Gateway.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Gateway.DisposeAsync();
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
                throw new TimeoutException($"Uploads of {sha} did not finish: {uploads?.RootElement}\n{Gateway.Output}");
            await Task.Delay(200);
        }
    }

    public async Task<JsonDocument?> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Gateway.BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Gateway.AdminToken);
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
