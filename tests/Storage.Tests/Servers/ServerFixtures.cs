using Codecov.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Codecov.Storage.Tests.Servers;

/// <summary>One s3rver for the test run (credentials are s3rver's fixed S3RVER / S3RVER).</summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string Credential = "S3RVER";

    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync("s3rver", "CODECOV_TEST_S3");

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Options for a fresh bucket, so tests never see each other's objects.</summary>
    public S3Options NewBucketOptions() => new()
    {
        Endpoint = Server.Endpoint,
        Bucket = "test-" + Guid.NewGuid().ToString("N")[..12],
        AccessKey = Credential,
        SecretKey = Credential,
        UseSsl = false,
    };

    public S3ObjectStore NewStore() => new(Options.Create(NewBucketOptions()));
}

/// <summary>s3rver and Redis for the cluster tests.</summary>
public sealed class StorageServersFixture : IAsyncLifetime
{
    public S3ServerFixture S3 { get; } = new();

    public TestServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        Redis = await TestServer.StartAsync("redis", "CODECOV_TEST_REDIS");
    }

    public async Task DisposeAsync()
    {
        await S3.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class S3Collection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "s3";
}
