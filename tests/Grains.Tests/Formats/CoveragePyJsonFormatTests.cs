using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class CoveragePyJsonFormatTests
{
    [Theory]
    [InlineData("coveragepy-json/more-itertools")]
    [InlineData("coveragepy-json/tomli")]
    public void Fixture_totals_match_codecov(string folder) => TextFixtureReport.AssertMatchesCodecov(folder);

    [Theory]
    [InlineData("coveragepy-json/more-itertools")]
    [InlineData("coveragepy-json/tomli")]
    public void Registry_picks_coverage_py_for_its_json(string folder) =>
        Assert.IsType<CoveragePyJsonFormat>(FormatRegistry.Default.Detect(TextFixtureReport.Probe(folder, "coverage.json")));

    [Fact]
    public void Executed_lines_hit_missing_lines_miss_and_line_zero_is_ignored()
    {
        var report = TextFixtureReport.ParseText(new CoveragePyJsonFormat(),
            """{"meta": {"show_contexts": false}, "files": {"a.py": {"executed_lines": [0, 1, 2], "missing_lines": [3]}}}""");
        var t = report.Totals;
        Assert.Equal((3, 2, 1), (t.Lines, t.Hits, t.Misses));
    }
}
