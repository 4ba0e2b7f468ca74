using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>
/// Redis or PostgreSQL restarts in the middle of a run. Each test restarts a server of its own (the
/// shared ones serve other tests), with the same data directory: a production Redis keeps an
/// append-only file, PostgreSQL its data directory.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ServerRestartTests(FaultServersFixture servers, ITestOutputHelper output)
{
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_redis_restart_mid_run_loses_no_upload_and_processes_none_twice()
    {
        await using var redis = await RedisServer.OwnDurableAsync();
        await using var cluster = new ProcessCluster(servers.Servers with { Redis = redis.Endpoint });
        await cluster.StartAsync();
        var workload = CoverageWorkload.Generate(commits: 30, uploadsPerCommit: 10, seed: 4);

        await new FaultRun(cluster, output).RunAsync("Redis restart", workload, faultAfter: 100, async _ =>
        {
            await redis.StopAsync();
            await Task.Delay(Downtime);
            await redis.StartAgainAsync();
        });
    }

    [Fact]
    public async Task A_postgres_restart_mid_run_loses_no_upload_and_processes_none_twice()
    {
        await using var postgres = await PostgresServer.OwnAsync();
        await using var cluster = new ProcessCluster(servers.Servers with { Postgres = postgres.ConnectionString });
        await cluster.StartAsync();
        var workload = CoverageWorkload.Generate(commits: 30, uploadsPerCommit: 10, seed: 5);

        await new FaultRun(cluster, output).RunAsync("PostgreSQL restart", workload, faultAfter: 100, async _ =>
        {
            await postgres.StopAsync();
            await Task.Delay(Downtime);
            await postgres.StartAgainAsync();
        });
    }
}
