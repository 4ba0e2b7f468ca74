using BenchmarkDotNet.Attributes;
using Codecov.Benchmarks.Inputs;
using Codecov.Grains.Reports;

namespace Codecov.Benchmarks;

/// <summary>A commit report of 2,000 files merged from N sessions, written to and read from its archive text.</summary>
[MemoryDiagnoser]
public class ArchiveBenchmarks
{
    private CoverageReport report = null!;
    private byte[] archive = [];

    [ParamsSource(nameof(Reports))]
    public ArchiveInput Input { get; set; } = null!;

    public static IEnumerable<ArchiveInput> Reports() => [new(1), new(10)];

    [GlobalSetup]
    public void Setup()
    {
        report = SessionReports.Merged(Input.Sessions);
        archive = Input.Archive();
    }

    [Benchmark]
    public async Task<long> Write()
    {
        using var buffer = new MemoryStream(archive.Length);
        await ReportArchive.WriteAsync(report, buffer);
        return buffer.Length;
    }

    [Benchmark]
    public async Task<int> Read()
    {
        using var stream = new MemoryStream(archive, writable: false);
        return (await ReportArchive.ReadAsync(stream)).Totals.Lines;
    }
}

/// <summary>The archive of a report merged from <see cref="Sessions"/> sessions; its size is the MB/s numerator.</summary>
public sealed class ArchiveInput(int sessions) : IMeasuredInput
{
    private byte[]? archive;

    public int Sessions => sessions;

    public long Bytes => Archive().Length;

    public byte[] Archive()
    {
        if (archive is not null) return archive;
        using var buffer = new MemoryStream();
        ReportArchive.WriteAsync(SessionReports.Merged(sessions), buffer).GetAwaiter().GetResult();
        return archive = buffer.ToArray();
    }

    public override string ToString() => $"{sessions} sessions";
}
