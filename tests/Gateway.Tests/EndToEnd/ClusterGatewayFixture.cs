using Codecov.Tests.Support;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// A cluster-mode deployment: one real silo process and one real gateway (Orleans client) on the
/// PostgreSQL, Redis and S3 servers tests/run-all.sh exports (<see cref="TestServers"/>).
/// </summary>
public sealed class ClusterGatewayFixture : GatewayFixture
{
    private ClusterDeployment? cluster;

    private ClusterDeployment Cluster => cluster ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override string BaseUrl => Cluster.Gateway.BaseUrl;

    public override string GlobalToken => Cluster.GlobalToken;

    public override string AdminToken => Cluster.AdminToken;

    public override string Output => cluster?.Logs() ?? "";

    public override async Task InitializeAsync()
    {
        cluster = new ClusterDeployment(TestServers.FromEnvironment(), new ClusterDeploymentOptions
        {
            Name = "e2e",
            Silo = new Dictionary<string, string>
            {
                // The fixtures were generated earlier; Codecov would reject them as too old (protocol §10.8).
                ["Processing__MaxReportAgeHours"] = "0",
                // No git provider here; notification tests bring their own loopback GitHub.
                ["Notifications__Enabled"] = "false",
            },
            Gateway = GatewaySettings(),
        });
        await cluster.StartAsync();
    }

    public override async Task RestartGatewayAsync()
    {
        await Cluster.Gateway.StopAsync();
        await Cluster.StartAsync(Cluster.Gateway);
    }

    /// <summary>A second gateway of the same cluster: it reaches the same silo and data.</summary>
    public override async Task<ExtraGateway> StartGatewayAsync(IReadOnlyDictionary<string, string> settings)
    {
        var other = Cluster.AddGateway(Merge(GatewaySettings(), settings));
        await Cluster.StartAsync(other);
        return new ExtraGateway(other.BaseUrl, Cluster.GlobalToken, () => other.StopAsync());
    }

    private Dictionary<string, string> GatewaySettings() => new() { [WebhookSecretSetting] = WebhookSecret };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (cluster is not null) await cluster.DisposeAsync();
    }
}
