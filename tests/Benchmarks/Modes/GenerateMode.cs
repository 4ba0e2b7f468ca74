using System.Text.RegularExpressions;
using Codecov.Benchmarks.Inputs;

namespace Codecov.Benchmarks.Modes;

/// <summary>
/// <c>generate &lt;dir&gt;</c>: writes the comparison inputs for <c>tests/compare-tools.sh</c> —
/// a scaled Cobertura and LCOV report with their network lists, and N LCOV tracefiles of the same
/// files whose hit counts differ per part, for merging.
/// </summary>
public static partial class GenerateMode
{
    public const int LcovParts = 10;

    public static int Run(string directory)
    {
        Directory.CreateDirectory(directory);
        Write(ReportInputs.Cobertura(ReportInputs.LargeBytes), directory, "cobertura.xml");
        Write(ReportInputs.Lcov(ReportInputs.LargeBytes), directory, "lcov.info");

        var part = ReportInputs.Lcov(ReportInputs.LargeBytes / LcovParts);
        var parts = Path.Combine(directory, "lcov-parts");
        Directory.CreateDirectory(parts);
        var text = File.ReadAllText(part.FilePath);
        for (var k = 1; k <= LcovParts; k++)
            File.WriteAllText(Path.Combine(parts, $"part-{k:D2}.info"), VaryHits(text, k));
        File.WriteAllLines(Path.Combine(directory, "lcov-parts.network.txt"), part.Network());
        Console.WriteLine($"lcov-parts/: {LcovParts} tracefiles of {part.Name}, {new FileInfo(part.FilePath).Length:N0} bytes each");
        return 0;
    }

    private static void Write(ReportInput input, string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        File.Copy(input.FilePath, path, overwrite: true);
        File.WriteAllLines(Path.Combine(directory, Path.GetFileNameWithoutExtension(fileName) + ".network.txt"), input.Network());
        Console.WriteLine($"{fileName}: {input.Name}, {new FileInfo(path).Length:N0} bytes");
    }

    /// <summary>Part k misses every line whose number is k modulo 4, so the parts' merge differs from each part.</summary>
    private static string VaryHits(string lcov, int k) =>
        DaRecord().Replace(lcov, m => int.Parse(m.Groups[1].Value) % 4 == k % 4 ? $"DA:{m.Groups[1].Value},0" : m.Value);

    [GeneratedRegex(@"^DA:(\d+),(\d+)", RegexOptions.Multiline)]
    private static partial Regex DaRecord();
}
