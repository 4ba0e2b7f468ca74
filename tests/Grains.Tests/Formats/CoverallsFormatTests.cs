using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Formats;

public sealed class CoverallsFormatTests
{
    private const string Sample = """
        {"service_name": "x", "source_files": [{"name": "src/a.py", "source_digest": "d", "coverage": [null, 3, 0, null, -1]}]}
        """;

    [Fact]
    public void Coverage_list_gives_line_index_plus_one_and_minus_one_is_skipped()
    {
        var report = TextFixtureReport.ParseText(new CoverallsFormat(), Sample);
        var t = report.Totals;
        // Line 2 hit, line 3 miss; line 5 is -1 (skipped, not counted).
        Assert.Equal((1, 2, 1, 1), (t.Files, t.Lines, t.Hits, t.Misses));
        Assert.Equal(3, report["src/a.py"]!.Count);
    }

    [Fact]
    public void The_registry_claims_source_files() =>
        Assert.IsType<CoverallsFormat>(FormatRegistry.Default.Detect(new ReportProbe("coveralls.json", System.Text.Encoding.UTF8.GetBytes(Sample))));
}
