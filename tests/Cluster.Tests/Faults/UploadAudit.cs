using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>What the API shows about one commit's uploads.</summary>
public sealed record CommitAudit(string Sha, IReadOnlyList<(string Id, string State)> Uploads, JsonElement Totals, int Merges);

/// <summary>
/// Reads every commit back through API v2 and checks the durability rule: each acknowledged upload is
/// processed exactly once (listed once, merged once on the timeline, counted once in the sessions),
/// nothing stays pending, and each commit's totals equal the ones Codecov's rules give for its reports.
/// The only uploads the client does not know are creations whose answer a fault swallowed: they never
/// received a payload, so they must still be <c>started</c>; they are counted, not hidden.
/// </summary>
public sealed class UploadAudit(ProcessCluster cluster, CoverageWorkload workload, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public int Orphans { get; private set; }

    /// <summary>Waits until every acknowledged upload is processed, then checks every commit. Returns how long the wait took.</summary>
    public async Task<TimeSpan> VerifyAsync(IReadOnlyCollection<AcknowledgedUpload> acknowledged)
    {
        Assert.Equal(workload.Uploads.Count, acknowledged.Count);
        var waited = Stopwatch.StartNew();
        var audits = await SettledAsync(acknowledged);
        foreach (var audit in audits) Check(audit, acknowledged.Where(a => a.Planned.Sha == audit.Sha).ToList());
        return waited.Elapsed;
    }

    private async Task<IReadOnlyList<CommitAudit>> SettledAsync(IReadOnlyCollection<AcknowledgedUpload> acknowledged)
    {
        var ids = acknowledged.Select(a => a.UploadId).ToHashSet();
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var audits = await Task.WhenAll(workload.Commits.Select(AuditAsync));
            var unfinished = audits.SelectMany(a => a.Uploads).Count(u => ids.Contains(u.Id) && u.State != "processed");
            if (unfinished == 0) return audits;
            if (DateTime.UtcNow > deadline)
            {
                output.WriteLine(cluster.Logs(200));
                foreach (var audit in audits.Where(a => a.Uploads.Any(u => ids.Contains(u.Id) && u.State != "processed")))
                    output.WriteLine(await DescribeAsync(audit, ids));
                Assert.Fail($"{unfinished} acknowledged uploads were not processed within {Patience}.");
            }
            await Task.Delay(500);
        }
    }

    private void Check(CommitAudit audit, IReadOnlyList<AcknowledgedUpload> acknowledged)
    {
        var ids = acknowledged.Select(a => a.UploadId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in ids) Assert.Single(audit.Uploads, u => u.Id == id && u.State == "processed");
        var unknown = audit.Uploads.Where(u => !ids.Contains(u.Id)).ToList();
        Assert.All(unknown, u => Assert.Equal("started", u.State));
        Orphans += unknown.Count;
        Assert.Equal(ids.Count, audit.Merges);

        var expected = CoverageWorkload.Expect(acknowledged.Select(a => a.Planned));
        var totals = audit.Totals;
        var actual = new ExpectedTotals(totals.GetProperty("files").GetInt32(), totals.GetProperty("lines").GetInt32(),
            totals.GetProperty("hits").GetInt32(), totals.GetProperty("misses").GetInt32(), totals.GetProperty("partials").GetInt32(),
            totals.GetProperty("coverage").ValueKind == JsonValueKind.Null ? null : totals.GetProperty("coverage").GetDouble(),
            totals.GetProperty("sessions").GetInt32());
        Assert.Equal(expected, actual);
    }

    // The unfinished uploads of a commit with their errors, and the commit's timeline: what a failure needs to be explained.
    private async Task<string> DescribeAsync(CommitAudit audit, IReadOnlySet<string> acknowledged)
    {
        var path = $"/api/v2/github/{workload.Owner}/repos/{workload.Repository}/commits/{audit.Sha}";
        using var uploads = await GetAsync(path + "/uploads/");
        using var timeline = await GetAsync(path + "/timeline");
        var stuck = uploads.RootElement.GetProperty("results").EnumerateArray()
            .Where(u => acknowledged.Contains(u.GetProperty("external_id").GetString()!) && u.GetProperty("state").GetString() != "processed");
        return $"Commit {audit.Sha}: unfinished {string.Join("; ", stuck.Select(u => u.ToString()))}\ntimeline: " +
            string.Join("\n  ", timeline.RootElement.GetProperty("events").EnumerateArray().Select(e => e.ToString()));
    }

    private async Task<CommitAudit> AuditAsync(string sha)
    {
        var path = $"/api/v2/github/{workload.Owner}/repos/{workload.Repository}/commits/{sha}";
        using var uploads = await GetAsync(path + "/uploads/");
        using var commit = await GetAsync(path + "/");
        using var timeline = await GetAsync(path + "/timeline");
        var list = uploads.RootElement.GetProperty("results").EnumerateArray()
            .Select(u => (u.GetProperty("external_id").GetString()!, u.GetProperty("state").GetString()!)).ToList();
        var merges = timeline.RootElement.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("event").GetString() == "upload_merged");
        return new CommitAudit(sha, list, commit.RootElement.GetProperty("totals").Clone(), merges);
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, cluster.Gateway.BaseUrl + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cluster.AdminToken);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (attempt >= 10) Assert.Fail($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception fault) when (attempt < 10 && fault is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(500);
        }
    }
}
