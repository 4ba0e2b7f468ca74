using BenchmarkDotNet.Attributes;
using Codecov.Benchmarks.Inputs;
using Codecov.Grains.Formats;

namespace Codecov.Benchmarks;

/// <summary>Each format's parser on its fixtures and on a scaled ~24 MB report: stream → session report, paths resolved.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] content = [];
    private IReadOnlyList<string> network = [];
    private ICoverageFormat format = null!;

    [ParamsSource(nameof(Inputs))]
    public ReportInput Input { get; set; } = null!;

    public static IEnumerable<ReportInput> Inputs() => ReportInputs.All();

    [GlobalSetup]
    public void Setup()
    {
        content = Input.ReadAllBytes();
        network = Input.Network();
        format = Engine.Format(Input.Format);
    }

    [Benchmark]
    public int Parse()
    {
        using var stream = new MemoryStream(content, writable: false);
        return Engine.Parse(format, stream, network).Totals.Lines;
    }
}
