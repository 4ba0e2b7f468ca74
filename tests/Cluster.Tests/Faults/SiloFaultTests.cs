using System.Net;
using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>A silo dies (<c>kill -9</c>) or is stopped (SIGTERM) while uploads are in flight.</summary>
[Collection(FaultCollection.Name)]
public sealed class SiloFaultTests(FaultServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_silo_mid_run_loses_no_upload_and_processes_none_twice()
    {
        await using var cluster = await StartAsync();
        var workload = CoverageWorkload.Generate(commits: 50, uploadsPerCommit: 10, seed: 2);

        var figures = await new FaultRun(cluster, output).RunAsync("kill -9 of silo1", workload, faultAfter: 150,
            _ => cluster.Silos[1].KillAsync());

        Assert.Equal(500, figures.Uploads);
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_turns_unready_first_then_drains_without_losing_or_repeating_uploads()
    {
        await using var cluster = await StartAsync();
        var workload = CoverageWorkload.Generate(commits: 20, uploadsPerCommit: 10, seed: 3);
        var silo = cluster.Silos[1];
        var unreadyWhileAlive = false;

        await new FaultRun(cluster, output).RunAsync("SIGTERM of silo1", workload, faultAfter: 60, async _ =>
        {
            silo.Terminate();
            var until = await FaultRun.EventuallyAsync(async () => await silo.ProbeAsync("/health/ready") != HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), "silo1 reports unready after SIGTERM");
            // Still serving (liveness answers) while no longer ready: the drain window.
            unreadyWhileAlive = await silo.ProbeAsync("/health/live") == HttpStatusCode.OK;
            output.WriteLine($"silo1 unready {until.TotalMilliseconds:F0} ms after SIGTERM; alive then: {unreadyWhileAlive}");
            await silo.WaitForExitAsync(TimeSpan.FromSeconds(45));
        });

        Assert.True(unreadyWhileAlive, "readiness must turn false while the silo still runs");
        Assert.False(silo.IsRunning);
    }

    private async Task<ProcessCluster> StartAsync()
    {
        var cluster = new ProcessCluster(servers.Servers);
        await cluster.StartAsync();
        return cluster;
    }
}
