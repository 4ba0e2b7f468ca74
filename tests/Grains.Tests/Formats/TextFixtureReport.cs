using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using System.Text.Json;

namespace Codecov.Grains.Tests.Formats;

/// <summary>Loads a fixture folder (report files, network.txt, codecov-totals.json) and parses it as one upload.</summary>
internal static class TextFixtureReport
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The report file names of the folder's first upload, as codecov-totals.json lists them.</summary>
    public static IReadOnlyList<string> ReportFiles(string name)
    {
        var report = Totals(name).GetProperty("uploads")[0].GetProperty("report");
        return report.ValueKind == JsonValueKind.Array
            ? report.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [report.GetString()!];
    }

    public static JsonElement Totals(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(name), "codecov-totals.json"))).RootElement;

    /// <summary>Codecov's totals for the folder's single upload, or null when Codecov rejected it.</summary>
    public static JsonElement? ExpectedUploadTotals(string name)
    {
        var totals = Totals(name).GetProperty("uploads")[0].GetProperty("totals");
        return totals.ValueKind == JsonValueKind.Null ? null : totals;
    }

    public static string? ExpectedError(string name) =>
        Totals(name).GetProperty("uploads")[0].GetProperty("error") is { ValueKind: JsonValueKind.Object } e ? e.GetProperty("code").GetString() : null;

    public static IReadOnlyList<string> Network(string name) => File.ReadAllLines(Path.Combine(Folder(name), "network.txt"));

    public static ParseContext Context(string name, ParserSettings? settings = null) =>
        new(1, new PathFixer(PathFixingRules.None, Network(name), null),
            settings ?? ParserSettings.Default, DateTimeOffset.UtcNow, null);

    /// <summary>Parses the fixture's reports as one upload, with paths fixed as the product fixes them.</summary>
    public static CoverageReport Parse(string name, ParserSettings? settings = null) =>
        new UploadReportParser(FormatRegistry.Default).Parse(
            ReportFiles(name).Select(f => new UploadReportFile(f, () => File.OpenRead(Path.Combine(Folder(name), f)))).ToList(),
            Context(name, settings),
            file => new PathFixer(PathFixingRules.None, Network(name), file)).Report;

    public static ReportProbe Probe(string name, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder(name), file));
        return new ReportProbe(file, bytes.AsMemory(0, Math.Min(bytes.Length, ReportProbe.HeadSize)));
    }

    /// <summary>Asserts files, lines, hits, misses, partials and coverage against Codecov's own numbers.</summary>
    public static void AssertMatchesCodecov(string name, ParserSettings? settings = null)
    {
        var expected = ExpectedUploadTotals(name) ?? throw new InvalidOperationException($"{name}: Codecov rejected this upload");
        var actual = Parse(name, settings).Totals;
        Assert.Equal(
            (expected.GetProperty("files").GetInt32(), expected.GetProperty("lines").GetInt32(), expected.GetProperty("hits").GetInt32(),
             expected.GetProperty("misses").GetInt32(), expected.GetProperty("partials").GetInt32(), expected.GetProperty("coverage").GetString()),
            (actual.Files, actual.Lines, actual.Hits, actual.Misses, actual.Partials, actual.Coverage));
    }

    /// <summary>Parses an inline report with one format and no network (every path kept).</summary>
    public static CoverageReport ParseText(ICoverageFormat format, string text, ParserSettings? settings = null, string fileName = "")
    {
        var builder = new ReportBuilder(new ParseContext(1, new PathFixer(PathFixingRules.None, null, null), settings ?? ParserSettings.Default,
            DateTimeOffset.UtcNow, null, fileName));
        format.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), builder);
        return builder.Build();
    }
}
