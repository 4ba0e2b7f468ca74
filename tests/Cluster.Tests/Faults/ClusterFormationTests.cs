using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>Two silo processes and a gateway find each other through PostgreSQL only, and share the work.</summary>
[Collection(FaultCollection.Name)]
public sealed class ClusterFormationTests(FaultServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_silos_and_a_gateway_form_a_cluster_through_postgres_and_both_silos_host_upload_grains()
    {
        await using var cluster = new ProcessCluster(servers.Servers);
        await cluster.StartAsync();
        var workload = CoverageWorkload.Generate(commits: 12, uploadsPerCommit: 5, seed: 1);

        await new FaultRun(cluster, output).RunAsync("no fault", workload, faultAfter: 0, _ => Task.CompletedTask);

        using var http = new HttpClient();
        var silos = await cluster.SilosAsync(http);
        foreach (var (address, activations) in silos)
            output.WriteLine($"{address}: " + string.Join(", ", activations.Where(a => a.Key.EndsWith("Grain")).Select(a => $"{a.Key} {a.Value}")));
        Assert.Equal(ProcessCluster.SiloCount, silos.Count);
        Assert.All(silos, silo => Assert.True(silo.Activations.GetValueOrDefault("UploadGrain") > 0,
            $"silo {silo.Address} hosts no upload grain: {string.Join(", ", silo.Activations)}"));
    }
}
