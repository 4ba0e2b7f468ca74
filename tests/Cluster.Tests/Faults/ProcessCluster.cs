using System.Net.Http.Headers;
using System.Text.Json;
using Codecov.Tests.Support;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>
/// Two real silo processes and one real gateway in cluster mode (<see cref="ClusterDeployment"/>).
/// Membership and reminder timings are tightened so a dead silo is noticed in seconds.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const int SiloCount = 2;
    private readonly ClusterDeployment deployment;

    public ProcessCluster(TestServers servers)
    {
        deployment = new ClusterDeployment(servers, new ClusterDeploymentOptions
        {
            Name = "faults",
            SiloCount = SiloCount,
            Silo = new Dictionary<string, string>
            {
                // A killed silo is declared dead after two missed 1 s probes instead of Orleans' ≈ 10 s.
                ["Membership__ProbeTimeout"] = "00:00:01",
                ["Membership__NumMissedProbesLimit"] = "2",
                ["Membership__TableRefreshTimeout"] = "00:00:02",
                ["Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
                ["Reminders__MinimumReminderPeriod"] = "00:00:01",
                ["Processing__ResumeReminderPeriod"] = "00:00:04",
                ["Processing__RetryDelay"] = "00:00:00.500",
                ["Processing__MaxTransientRetries"] = "10",
                ["Processing__MaxReportAgeHours"] = "0",
                // No git provider is reachable here: a commit's first merge would wait on fetching its
                // codecov.yml from github.com. Notification flows run against the loopback GitHub elsewhere.
                ["Notifications__Enabled"] = "false",
                ["Processing__DirectUploadFirstCheck"] = "00:00:00.200",
                ["Processing__DirectUploadMaxCheckInterval"] = "00:00:01",
            },
        });
    }

    public IReadOnlyList<ServiceProcess> Silos => deployment.Silos;

    public ServiceProcess Gateway => deployment.Gateway;

    public IReadOnlyList<ServiceProcess> Gateways => deployment.Gateways;

    public string GlobalToken => deployment.GlobalToken;

    /// <summary>The cluster's S3 bucket: presigned PUT URLs name it, the gateway's own PUT URLs do not.</summary>
    public string Bucket => deployment.Bucket;

    public string AdminToken => deployment.AdminToken;


    public Task StartAsync() => deployment.StartAsync();

    /// <summary>Starts one more gateway of this cluster with extra settings, as a rolling restart brings up the next one.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(IReadOnlyDictionary<string, string> settings)
    {
        var gateway = deployment.AddGateway(settings);
        await deployment.StartAsync(gateway);
        return gateway;
    }

    public string Logs(int tailLines = 60) => deployment.Logs(tailLines);

    public async Task<IReadOnlyList<(string Address, IReadOnlyDictionary<string, int> Activations)>> SilosAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Gateway.BaseUrl + "/operators/silos");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("silos").EnumerateArray()
            .Select(s => (s.GetProperty("address").GetString()!,
                (IReadOnlyDictionary<string, int>)s.GetProperty("activations").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())))
            .ToList();
    }

    public ValueTask DisposeAsync() => deployment.DisposeAsync();
}
