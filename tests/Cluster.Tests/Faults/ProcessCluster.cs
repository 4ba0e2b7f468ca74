using System.Net.Http.Headers;
using System.Text.Json;
using Codecov.Tests.Support;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>
/// Two real silo processes and one real gateway in cluster mode (PostgreSQL membership, reminders and
/// index, Redis grain state, S3 objects), with their own schema, ClusterId, ServiceId and bucket.
/// Membership and reminder timings are tightened so a dead silo is noticed in seconds.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const int SiloCount = 2;
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("codecov-faults-").FullName;

    public ProcessCluster(string postgres, string redis, string s3Endpoint)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var shared = new Dictionary<string, string>
        {
            ["Hosting__Mode"] = "Cluster",
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__Redis"] = redis,
            ["S3__Endpoint"] = s3Endpoint,
            ["S3__Bucket"] = "faults-" + id,
            ["S3__AccessKey"] = S3Server.Credential,
            ["S3__SecretKey"] = S3Server.Credential,
            ["S3__UseSsl"] = "false",
            ["S3__RequestTimeout"] = "00:00:15",
            // Dead silos stay in the membership table: every cluster is its own (machine-notes).
            ["Orleans__ServiceId"] = "faults-" + id,
            ["Orleans__ClusterId"] = "faults-" + id,
            ["Hosting__ShutdownTimeout"] = "00:00:30",
            ["Hosting__DrainDelay"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
        };
        Silos = Enumerable.Range(0, SiloCount).Select(i => Silo(i, shared)).ToArray();
        Gateway = new ServiceProcess("gateway", BuildOutput.Assembly("Gateway", "Codecov.Gateway"), workingDirectory, FreePort.Next());
        foreach (var (key, value) in shared) Gateway.Environment[key] = value;
        Gateway.Environment["Codecov__UploadSigningKey"] = "signing-" + Guid.NewGuid().ToString("N");
        Gateway.Environment["Codecov__GlobalUploadToken"] = GlobalToken;
        Gateway.Environment["Codecov__AdminToken"] = AdminToken;
    }

    public ServiceProcess[] Silos { get; }

    public ServiceProcess Gateway { get; }

    public string GlobalToken { get; } = Guid.NewGuid().ToString();

    public string AdminToken { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public IEnumerable<ServiceProcess> All => Silos.Append(Gateway);

    /// <summary>Starts both silos together (they race to join, as in a deployment), then the gateway.</summary>
    public async Task StartAsync()
    {
        await Task.WhenAll(Silos.Select(s => s.StartAsync()));
        await Gateway.StartAsync();
    }

    /// <summary>Every process's output, for a failure message.</summary>
    public string Logs(int tailLines = 60) => string.Join("\n", All.Select(p =>
        $"==== {p.Name}\n" + string.Join("\n", p.Output.Split('\n').TakeLast(tailLines))));

    /// <summary>The gateway's <c>/operators/silos</c>: active silos and their activation counts by grain type.</summary>
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

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(All.Select(p => p.KillAsync()));
        try { Directory.Delete(workingDirectory, recursive: true); }
        catch (IOException) { }
    }

    private ServiceProcess Silo(int index, Dictionary<string, string> shared)
    {
        var silo = new ServiceProcess($"silo{index}", BuildOutput.Assembly("Silo", "Codecov.Silo"), workingDirectory, FreePort.Next());
        foreach (var (key, value) in shared) silo.Environment[key] = value;
        silo.Environment["Orleans__SiloName"] = $"silo{index}";
        silo.Environment["Orleans__SiloPort"] = FreePort.Next().ToString();
        silo.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString();
        silo.Environment["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        // A killed silo is declared dead after two missed 1 s probes instead of Orleans' ≈ 10 s.
        silo.Environment["Membership__ProbeTimeout"] = "00:00:01";
        silo.Environment["Membership__NumMissedProbesLimit"] = "2";
        silo.Environment["Membership__TableRefreshTimeout"] = "00:00:02";
        silo.Environment["Membership__IAmAliveTablePublishTimeout"] = "00:00:05";
        silo.Environment["Reminders__MinimumReminderPeriod"] = "00:00:01";
        silo.Environment["Processing__ResumeReminderPeriod"] = "00:00:04";
        silo.Environment["Processing__RetryDelay"] = "00:00:00.500";
        silo.Environment["Processing__MaxTransientRetries"] = "10";
        // The generated LCOV carries no timestamp, but keep the age check out of the way as the other suites do.
        silo.Environment["Processing__MaxReportAgeHours"] = "0";
        silo.Environment["Processing__DirectUploadFirstCheck"] = "00:00:00.200";
        silo.Environment["Processing__DirectUploadMaxCheckInterval"] = "00:00:01";
        return silo;
    }
}
