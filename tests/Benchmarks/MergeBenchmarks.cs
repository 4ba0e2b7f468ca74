using BenchmarkDotNet.Attributes;
using Codecov.Benchmarks.Inputs;
using Codecov.Grains.Reports;

namespace Codecov.Benchmarks;

/// <summary>
/// N uploads of a 2,000-file report merged into one commit report (<see cref="CoverageReport.Merge"/>),
/// then its totals computed, as the commit grain does after each upload. Session reports are built
/// once; merging never mutates them.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private IReadOnlyList<CoverageReport> sessions = [];

    [Params(10, 50, 150)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup() => sessions = SessionReports.Create(Sessions);

    [Benchmark]
    public int MergeIntoCommit()
    {
        var commit = new CoverageReport();
        foreach (var session in sessions) commit.Merge(session);
        return commit.Totals.Lines;
    }
}
