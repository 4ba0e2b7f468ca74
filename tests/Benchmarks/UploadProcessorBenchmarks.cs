using System.Text;
using BenchmarkDotNet.Attributes;
using Codecov.Benchmarks.Inputs;
using Codecov.Grains.Formats;
using Codecov.Grains.Uploads;

namespace Codecov.Benchmarks;

/// <summary>
/// An upload end to end: the legacy envelope (network list + one ~20 MB Cobertura report) decoded,
/// detected, parsed with path fixing and line fixes applied, as the upload grain runs it.
/// </summary>
[MemoryDiagnoser]
public class UploadProcessorBenchmarks
{
    private readonly UploadProcessor processor = new(new UploadReportParser(FormatRegistry.Default));
    private readonly UploadProcessingOptions options = new() { MaxReportAgeHours = 0 };
    private byte[] body = [];
    private UploadInfo upload = null!;

    [ParamsSource(nameof(Uploads))]
    public UploadInput Input { get; set; } = null!;

    public static IEnumerable<UploadInput> Uploads() => [new(ReportInputs.Cobertura(ReportInputs.UploadBytes))];

    [GlobalSetup]
    public void Setup()
    {
        body = Input.Body();
        var request = new UploadRequest([], null, null, null, null, null, "uploaded", new Dictionary<string, string>(), null);
        upload = new UploadInfo("benchmark", 0, UploadStates.Uploaded, request, DateTimeOffset.UtcNow, null, null, null, []);
    }

    [Benchmark]
    public int Process()
    {
        using var raw = new MemoryStream(body, writable: false);
        return processor.Process(raw, upload, options, DateTimeOffset.UtcNow).Report.Totals.Lines;
    }
}

/// <summary>A legacy upload body (codecov-upload-protocol §5a) around one report; its size is the MB/s numerator.</summary>
public sealed class UploadInput(ReportInput report) : IMeasuredInput
{
    private byte[]? body;

    public long Bytes => Body().Length;

    public byte[] Body()
    {
        if (body is not null) return body;
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            foreach (var path in report.Network()) writer.WriteLine(path);
            writer.WriteLine("<<<<<< network");
            writer.WriteLine($"# path={report.ReportFile}");
            writer.Flush();
            using (var content = File.OpenRead(report.FilePath)) content.CopyTo(buffer);
            writer.WriteLine();
            writer.WriteLine("<<<<<< EOF");
        }
        return body = buffer.ToArray();
    }

    public override string ToString() => $"legacy upload, {report.Name}";
}
