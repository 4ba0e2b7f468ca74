using Codecov.Grains;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Codecov.Silo.Hosting;
using Codecov.Storage.Tests.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace Codecov.Storage.Tests.Cluster;

/// <summary>
/// Two silos with cluster mode's stores: grain state in Redis, objects in S3 (s3rver), and the SQLite
/// index standing in for PostgreSQL's. Direct-upload checks are fast and the deadline short so the
/// <c>file_not_in_storage</c> path runs in seconds.
/// </summary>
public sealed class RedisS3ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan DirectUploadDeadline = TimeSpan.FromSeconds(4);

    private readonly StorageServersFixture servers = new();
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("codecov-storage-cluster-").FullName;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The bucket the silos use, seen from the test (same options, own client).</summary>
    public S3ObjectStore Objects { get; private set; } = null!;

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public string RedisConnectionString => $"{servers.Redis.Endpoint},allowAdmin=true";

    public async Task InitializeAsync()
    {
        await servers.InitializeAsync();
        var s3 = servers.S3.NewBucketOptions();
        Objects = new S3ObjectStore(Options.Create(s3));
        Redis = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString);

        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisConnectionString,
            ["S3:Endpoint"] = s3.Endpoint,
            ["S3:Bucket"] = s3.Bucket,
            ["S3:AccessKey"] = s3.AccessKey,
            ["S3:SecretKey"] = s3.SecretKey,
            ["S3:UseSsl"] = "false",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Processing:MaxReportAgeHours"] = "0",
            ["Notifications:Enabled"] = "false",
            ["Processing:RetryDelay"] = "00:00:00.200",
            ["Processing:DirectUploadDeadline"] = DirectUploadDeadline.ToString(),
            ["Processing:DirectUploadFirstCheck"] = "00:00:00.200",
            ["Processing:DirectUploadMaxCheckInterval"] = "00:00:00.800",
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
        Redis?.Dispose();
        Objects?.Dispose();
        await servers.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>Bytes of the serialized state in the Redis hash of one grain's state (the provider's <c>data</c> field).</summary>
    public async Task<long> StateSizeAsync(string grainKeyFragment, string stateName)
    {
        var server = Redis.GetServers().Single();
        var db = Redis.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: $"*{grainKeyFragment}*"))
        {
            if (!key.ToString().EndsWith("/" + stateName, StringComparison.Ordinal)) continue;
            return await db.HashStringLengthAsync(key, "data");
        }
        throw new Xunit.Sdk.XunitException($"No Redis hash for state '{stateName}' of a grain matching '{grainKeyFragment}'.");
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddCodecovGrains();
            silo.Services.AddS3ObjectStore();
            // The SQLite index stands in for PostgreSQL's; its object store registration yields to S3's (TryAdd).
            silo.Services.AddEmbeddedStores();
            silo.AddRedisGrainState();
            silo.UseInMemoryReminderService();
            silo.AddStartupTask<UnfinishedUploadSweep>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisS3ClusterCollection : ICollectionFixture<RedisS3ClusterFixture>
{
    public const string Name = "redis-s3-cluster";
}
