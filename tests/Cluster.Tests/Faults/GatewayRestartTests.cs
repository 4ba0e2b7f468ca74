using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>
/// A rolling restart of the gateway, as Kubernetes does it: the next gateway (handing out presigned S3
/// URLs) starts, clients move to it, the old one drains on SIGTERM and comes back, clients move back.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class GatewayRestartTests(FaultServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task A_gateway_restart_loses_no_accepted_upload_and_direct_to_s3_uploads_are_processed_too()
    {
        await using var cluster = new ProcessCluster(servers.Servers);
        await cluster.StartAsync();
        var workload = CoverageWorkload.Generate(commits: 20, uploadsPerCommit: 10, seed: 6);
        var first = cluster.Gateway;
        // The next gateway is up before the old one goes, as a rolling update starts the new pod first.
        var next = await cluster.StartGatewayAsync(new Dictionary<string, string> { ["Codecov__UploadMode"] = "DirectS3" });

        var figures = await new FaultRun(cluster, output).RunAsync("rolling gateway restart via a DirectS3 gateway", workload, faultAfter: 60, async uploader =>
        {
            uploader.GatewayUrl = next.BaseUrl;
            await first.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await first.StartAsync();
            uploader.GatewayUrl = first.BaseUrl;
        });

        // The audit proved every acknowledged upload processed once; both upload modes took part.
        Assert.InRange(figures.DirectUploads, 1, figures.Uploads - 60);
    }
}
