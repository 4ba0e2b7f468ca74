using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Codecov.FakeGitHub;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Codecov.Benchmarks.Modes;

/// <summary>
/// A load run of the notification path: an embedded silo (default debounce) against a GitHub-shaped
/// server on loopback; for each commit, the time from the upload's payload being accepted to both
/// statuses being on GitHub. Prints p50/p90/p99/max over all commits.
/// </summary>
public static class NotifyLatencyMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var commits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        await using var github = await FakeGitHubServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("codecov-notify-bench-").FullName;
        try
        {
            using var host = Build(github, data);
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var objects = host.Services.GetRequiredService<IObjectStore>();
            var repository = new RepositoryKey("github", "bench", "notify");
            await OneCommitAsync(grains, objects, github, repository); // warm-up, not measured

            var clock = Stopwatch.StartNew();
            var latencies = new List<double>();
            await Parallel.ForEachAsync(Enumerable.Range(0, commits), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
            {
                var elapsed = await OneCommitAsync(grains, objects, github, repository);
                lock (latencies) latencies.Add(elapsed.TotalMilliseconds);
            });
            clock.Stop();
            Print(commits, concurrency, latencies, clock.Elapsed);
            await host.StopAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static IHost Build(FakeGitHubServer github, string data)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data,
            ["Embedded:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Embedded:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["GitHub:ApiUrl"] = github.Url.ToString(),
            ["GitHub:Token"] = "bench-token",
            ["Processing:MaxReportAgeHours"] = "0",
        });
        builder.AddEmbeddedSilo();
        return builder.Build();
    }

    private static async Task<TimeSpan> OneCommitAsync(IGrainFactory grains, IObjectStore objects, FakeGitHubServer github, RepositoryKey repository)
    {
        var sha = Guid.NewGuid().ToString("N") + "00000000";
        var fullName = $"{repository.Owner}/{repository.Name}";
        github.AddCommit(fullName, sha);
        var commit = grains.GetGrain<ICommitGrain>(repository.Commit(sha).ToString());
        await commit.UpsertAsync(new CommitUpsert("main", null, null));
        var upload = (await commit.CreateUploadAsync(new UploadRequest([], "bench", null, null, null, null, "uploaded",
            new Dictionary<string, string>(), "bench"))).Upload!;
        var key = repository.Commit(sha).Upload(upload.UploadId);
        var report = "# path=lcov.info\nSF:src/a.c\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"DA:{i},{i % 3}\n")) + "end_of_record\n<<<<<< EOF\n";
        await objects.PutAsync(ObjectKeys.RawUpload(key), new MemoryStream(Encoding.UTF8.GetBytes(report)));

        var clock = Stopwatch.StartNew();
        await grains.GetGrain<IUploadGrain>(key.ToString()).AcceptPayloadAsync(ObjectKeys.RawUpload(key));
        while (github.Statuses(fullName, sha).Count < 2)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"No statuses for {sha} after 60 s.");
            await Task.Delay(2);
        }
        return clock.Elapsed;
    }

    private static void Print(int commits, int concurrency, List<double> latencies, TimeSpan total)
    {
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine("| commits | concurrency | p50 ms | p90 ms | p99 ms | max ms | commits/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {commits} | {concurrency} | {At(0.50):0} | {At(0.90):0} | {At(0.99):0} | {latencies[^1]:0} | {commits / total.TotalSeconds:0.0} |"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
