using Codecov.Grains;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Codecov.Grains.Tests.Cluster;

/// <summary>
/// A two-silo test cluster with the embedded store set in a throwaway data directory; report-age
/// checks are off because the fixtures are older than Codecov's default limit.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("codecov-cluster-").FullName;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The object store the silos use (same directory, so the test writes where the grains read).</summary>
    public IObjectStore Objects => Cluster.Client.ServiceProvider.GetRequiredService<IObjectStore>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Properties["DataDirectory"] = DataDirectory;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Processing:MaxReportAgeHours"] = "0",
            ["Processing:RetryDelay"] = "00:00:00.200",
            ["Commits:MaxUploadsPerCommit"] = "20",
            ["Notifications:Enabled"] = "false",
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<EmbeddedStoresClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
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
            silo.UseInMemoryReminderService();
            silo.AddStartupTask<UnfinishedUploadSweep>();
        }
    }

    /// <summary>Gives the test's client the silos' object store (same data directory), so tests write where grains read.</summary>
    internal sealed class EmbeddedStoresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client)
        {
            client.Services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
            client.Services.Configure<StorageOptions>(o => o.DataDirectory = configuration["Storage:DataDirectory"]!);
            client.Services.AddEmbeddedStores();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
