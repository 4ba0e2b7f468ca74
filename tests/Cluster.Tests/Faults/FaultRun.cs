using System.Diagnostics;
using Xunit.Abstractions;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>The figures of one fault run, printed to the test output.</summary>
public sealed record FaultFigures(
    string Fault, int Uploads, int Commits, TimeSpan FaultAt, TimeSpan LongestAckGap, TimeSpan UploadsDone, TimeSpan Settled,
    IReadOnlyCollection<string> Retries, int Orphans, int DirectUploads, Latency Post, Latency Put)
{
    public override string ToString() =>
        $"{Fault}: {Uploads} uploads over {Commits} commits; fault at {FaultAt.TotalSeconds:F1} s; " +
        $"longest pause between acknowledgements {LongestAckGap.TotalSeconds:F1} s; all acknowledged at {UploadsDone.TotalSeconds:F1} s; " +
        $"all processed {Settled.TotalSeconds:F1} s later; client retries {Retries.Count}" +
        (Retries.Count == 0 ? "" : " (" + string.Join(", ", Retries.GroupBy(r => r).Select(g => $"{g.Key} ×{g.Count()}")) + ")") +
        $"; creations whose answer was lost {Orphans}; PUTs straight to S3 {DirectUploads}; POST {Post}; PUT {Put}";
}

/// <summary>Percentiles of request times, in milliseconds.</summary>
public sealed record Latency(double P50, double P90, double P99, double Max)
{
    public static Latency Of(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0) return new Latency(0, 0, 0, 0);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Latency(At(0.5), At(0.9), At(0.99), sorted[^1]);
    }

    public override string ToString() => $"p50 {P50:F0} ms, p90 {P90:F0} ms, p99 {P99:F0} ms, max {Max:F0} ms";
}

/// <summary>
/// Uploads a workload through a running cluster, injects one fault once <c>faultAfter</c> uploads are
/// acknowledged, lets the client retry as real clients do, then audits every commit.
/// </summary>
public sealed class FaultRun(ProcessCluster cluster, ITestOutputHelper output)
{
    public const int Concurrency = 12;

    public async Task<FaultFigures> RunAsync(string name, CoverageWorkload workload, int faultAfter, Func<PlainUploader, Task> fault)
    {
        using var uploader = new PlainUploader(cluster.Gateway.BaseUrl, cluster.GlobalToken, workload.Slug);
        var run = uploader.RunAsync(workload.Uploads, Concurrency);
        await Task.WhenAny(uploader.AcknowledgedAtLeastAsync(faultAfter), run);
        var faultAt = uploader.Elapsed;
        await fault(uploader);
        try
        {
            await run;
        }
        catch (Exception failure)
        {
            output.WriteLine(cluster.Logs(200));
            throw new InvalidOperationException($"An upload failed for good after the client's retries ({uploader.Retries.Count} retries).", failure);
        }
        var uploadsDone = uploader.Elapsed;

        var audit = new UploadAudit(cluster, workload, output);
        TimeSpan settled;
        try
        {
            settled = await audit.VerifyAsync(uploader.Acknowledged);
        }
        catch
        {
            output.WriteLine(GatewayFaults());
            throw;
        }
        var figures = new FaultFigures(name, workload.Uploads.Count, workload.Commits.Count(), faultAt,
            LongestGap(uploader.Acknowledged, faultAt), uploadsDone, settled, uploader.Retries, audit.Orphans,
            uploader.Acknowledged.Count(a => a.PutUrl.Contains(cluster.Bucket, StringComparison.Ordinal)),
            Latency.Of(uploader.PostTimes), Latency.Of(uploader.PutTimes));
        output.WriteLine(figures.ToString());
        output.WriteLine(GatewayFaults());
        return figures;
    }

    // What the gateways logged as failed requests, by exception, so a 5xx the client saw is explained.
    private string GatewayFaults()
    {
        var faults = cluster.Gateways.SelectMany(g => g.Output.Split('\n'))
            .Where(line => line.Contains("Exception", StringComparison.Ordinal) && !line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith("---", StringComparison.Ordinal))
            .GroupBy(line => line.Length > 160 ? line[..160] : line)
            .OrderByDescending(g => g.Count())
            .Take(8)
            .Select(g => $"  {g.Count()} × {g.Key}");
        return "Gateway exceptions:\n" + string.Join("\n", faults);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; the elapsed time, or a failure past <paramref name="patience"/>.</summary>
    public static async Task<TimeSpan> EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > patience) Assert.Fail($"Not within {patience}: {what}");
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    // How long acceptance stalled around the fault: the widest gap between consecutive acknowledgements after it.
    private static TimeSpan LongestGap(IReadOnlyCollection<AcknowledgedUpload> acknowledged, TimeSpan faultAt)
    {
        var times = acknowledged.Select(a => a.At).Where(t => t >= faultAt).Order().Prepend(faultAt).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.Zero).Max();
    }
}
