using System.Diagnostics;
using System.Globalization;
using Codecov.Benchmarks.Inputs;
using Codecov.Grains.Reports;

namespace Codecov.Benchmarks.Modes;

/// <summary>
/// <c>measure --network &lt;file&gt; &lt;report&gt;…</c>: parses every report as its own session (format
/// detected as an upload detects it), merges them into one commit report and prints one line of
/// <c>key=value</c> figures for <c>tests/compare-tools.sh</c>. The time is parse + merge + totals,
/// in process, after the runtime has started.
/// </summary>
public static class MeasureMode
{
    public static int Run(IReadOnlyList<string> args)
    {
        var network = new List<string>();
        var reports = new List<string>();
        var warmups = 0;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--network" && i + 1 < args.Count) network.AddRange(File.ReadAllLines(args[++i]).Where(l => l.Length > 0));
            // Investigation only (compare-tools.sh never passes it): runs first, untimed, to see the warm figure.
            else if (args[i] == "--warmups" && i + 1 < args.Count) warmups = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else reports.Add(args[i]);
        }
        if (reports.Count == 0)
        {
            Console.Error.WriteLine("usage: measure [--network <file>] <report>...");
            return 2;
        }

        var bytes = reports.Sum(r => new FileInfo(r).Length);
        for (var i = 0; i < warmups; i++) _ = ParseAndMerge(reports, network).Totals;
        // Processor time beside wall-clock: on a shared machine it is the steadier figure.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var totals = ParseAndMerge(reports, network).Totals;
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seconds={seconds:0.000} bytes={bytes} mbps={bytes / seconds / 1e6:0.0} sessions={reports.Count} " +
            $"cpu={cpu:0.000} jit={System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000}s/{System.Runtime.JitInfo.GetCompiledMethodCount()} allocated-mb={GC.GetTotalAllocatedBytes() / 1e6:0} gc-pause={GC.GetTotalPauseDuration().TotalSeconds:0.000} gc={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} " +
            $"files={totals.Files} lines={totals.Lines} hits={totals.Hits} coverage={totals.Coverage}"));
        return 0;
    }

    private static CoverageReport ParseAndMerge(List<string> reports, List<string> network)
    {
        var commit = new CoverageReport();
        for (var session = 0; session < reports.Count; session++)
        {
            var format = Engine.Detect(reports[session]);
            using var content = File.OpenRead(reports[session]);
            commit.MergeFrom(Engine.Parse(format, content, network, session));
        }
        return commit;
    }
}
