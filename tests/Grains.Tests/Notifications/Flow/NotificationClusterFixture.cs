using Orleans.Configuration;
using Orleans.Hosting;
using Codecov.FakeGitHub;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Codecov.Grains.Tests.Notifications.Flow;

/// <summary>
/// A silo with the embedded stores and notifications switched on against a GitHub-shaped server on
/// loopback, so Octokit runs unchanged; delays are shortened so retries happen within a test.
/// </summary>
public class NotificationClusterFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> overrides;

    public NotificationClusterFixture() : this(new Dictionary<string, string?>()) { }

    protected NotificationClusterFixture(IReadOnlyDictionary<string, string?> overrides) => this.overrides = overrides;

    public const string DashboardUrl = "http://codecov.test";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("codecov-notify-").FullName;

    public FakeGitHubServer GitHub { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IObjectStore Objects => Cluster.Client.ServiceProvider.GetRequiredService<IObjectStore>();

    public async Task InitializeAsync()
    {
        GitHub = await FakeGitHubServer.StartAsync();
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Processing:MaxReportAgeHours"] = "0",
            ["GitHub:ApiUrl"] = GitHub.Url.ToString(),
            ["GitHub:Token"] = "bot-token",
            ["GitHub:MaxRetries"] = "1",
            ["GitHub:RetryBaseDelay"] = "00:00:00.050",
            ["GitHub:RequestTimeout"] = "00:00:01",
            ["Notifications:Debounce"] = "00:00:00.100",
            ["Notifications:CiRetryDelay"] = "00:00:00.300",
            ["Notifications:ProviderRetryDelay"] = "00:00:00.300",
            ["Codecov:PublicUrl"] = DashboardUrl,
            ["Notifications:ReminderPeriod"] = "00:00:02",
        }.Concat(overrides).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<Cluster.ClusterFixture.EmbeddedStoresClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await GitHub.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddCodecovGrains();
            silo.Services.AddEmbeddedStores();
            silo.AddFileGrainStorage(StorageNames.Grains);
            silo.AddReminders();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddSingleton<IReminderTable, FileReminderTable>();
            silo.AddStartupTask<UnfinishedUploadSweep>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationClusterCollection : ICollectionFixture<NotificationClusterFixture>
{
    public const string Name = "notification-cluster";
}
