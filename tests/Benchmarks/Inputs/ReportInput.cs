using System.Text;

namespace Codecov.Benchmarks.Inputs;

/// <summary>Anything a benchmark reads whose size gives a throughput: the MB/s column divides it by the mean time.</summary>
public interface IMeasuredInput
{
    long Bytes { get; }
}

/// <summary>
/// One report a benchmark parses: a fixture as the tool wrote it, or that fixture scaled up to a
/// target size (generated once into a cache folder, then reused by every benchmark process).
/// </summary>
public sealed class ReportInput : IMeasuredInput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ReportScaler? scaler;
    private readonly long targetBytes;
    private readonly Lazy<int> copies;

    public ReportInput(string format, string folder, string reportFile, ReportScaler? scaler = null, long targetBytes = 0)
    {
        Format = format;
        Folder = folder;
        ReportFile = reportFile;
        this.scaler = scaler;
        this.targetBytes = targetBytes;
        copies = new(() => scaler is null ? 1 : (int)Math.Max(1, Math.Ceiling(targetBytes / (double)FixtureBytes)));
    }

    /// <summary>The registry name of the format that parses it.</summary>
    public string Format { get; }
    /// <summary>The fixture folder, e.g. <c>cobertura/cjson</c>.</summary>
    public string Folder { get; }
    public string ReportFile { get; }
    public bool IsScaled => scaler is not null;
    public int Copies => copies.Value;

    public string Name => IsScaled ? $"{Folder} x{Copies}" : $"{Folder}/{ReportFile}";

    private string FixturePath => FixtureFiles.PathOf(Path.Combine(Folder, ReportFile));
    private long FixtureBytes => new FileInfo(FixturePath).Length;

    /// <summary>The report on disk (generated into the cache on first use).</summary>
    public string FilePath => IsScaled ? EnsureGenerated() : FixturePath;

    public long Bytes => new FileInfo(FilePath).Length;

    /// <summary>The network list matching the report's paths (every copy's files for a scaled report).</summary>
    public IReadOnlyList<string> Network()
    {
        var network = FixtureFiles.Network(Folder);
        return IsScaled ? PathCopies.Network(network, Copies) : network;
    }

    public byte[] ReadAllBytes() => File.ReadAllBytes(FilePath);

    /// <summary>Writes the report into <paramref name="path"/> (scaled or copied as is).</summary>
    public void WriteTo(string path)
    {
        if (scaler is null)
        {
            File.Copy(FixturePath, path, overwrite: true);
            return;
        }
        using var output = new StreamWriter(path, append: false, Utf8, 1 << 16);
        scaler.Write(File.ReadAllText(FixturePath), Copies, output);
    }

    public override string ToString() => Name;

    private string EnsureGenerated()
    {
        var cache = Path.Combine(Path.GetTempPath(), "codecov-benchmarks", "inputs-v1");
        var path = Path.Combine(cache, $"{Folder.Replace('/', '-')}-x{Copies}-{ReportFile}");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(cache);
        // Benchmark processes may race to generate the same input: write aside, then move into place.
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        WriteTo(temporary);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
