using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Codecov.Benchmarks;
using Codecov.Benchmarks.Modes;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'     every benchmark (BenchmarkDotNet's default job)
//                                                 -- --quick           sanity run: ShortRun job, in process, all benchmarks
//                                                 -- generate <dir>    inputs for tests/compare-tools.sh
//                                                 -- measure [--network f] <report>...   parse + merge, one line of figures
//                                                 -- verify            scaled inputs are their fixtures repeated
//                                                 -- notify-latency [commits] [concurrency]   last upload → statuses posted, p50/p90/p99
return args switch
{
    ["generate", var directory] => GenerateMode.Run(directory),
    ["measure", .. var rest] => MeasureMode.Run(rest),
    ["verify"] => VerifyMode.Run(),
    ["notify-latency", .. var rest] => await NotifyLatencyMode.RunAsync(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var quick = args.Contains("--quick");
    var rest = args.Where(a => a != "--quick").ToArray();
    var config = DefaultConfig.Instance.AddColumn(new ThroughputColumn());
    if (quick)
    {
        config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        if (!rest.Contains("--filter")) rest = [.. rest, "--filter", "*"];
    }
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(rest, config);
    return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
}
