using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class SimpleCovFormatTests
{
    // simplecov-json output; old (a list) and 0.18+ ({"lines": [...]}) coverage shapes.
    private const string Sample = """
        {"timestamp": 1, "command_name": "RSpec",
         "files": [{"filename": "lib/a.rb", "coverage": [null, 1, 0, 5]},
                   {"filename": "lib/b.rb", "coverage": {"lines": [0, null, 2], "branches": []}}]}
        """;

    [Fact]
    public void List_index_plus_one_is_the_line_and_nulls_are_not_coverable()
    {
        var report = TextFixtureReport.ParseText(new SimpleCovFormat(), Sample);
        Assert.Equal([2, 3, 4], report["lib/a.rb"]!.Lines.Select(l => l.Key));
        var t = report.Totals;
        Assert.Equal((2, 5, 3, 2), (t.Files, t.Lines, t.Hits, t.Misses));
    }

    [Fact]
    public void The_registry_claims_rspec_simplecov_json() =>
        Assert.IsType<SimpleCovFormat>(FormatRegistry.Default.Detect(new ReportProbe("coverage.json", System.Text.Encoding.UTF8.GetBytes(Sample))));

    [Fact]
    public void A_truncated_report_is_rejected() =>
        Assert.Throws<ReportRejectedException>(() => TextFixtureReport.ParseText(new SimpleCovFormat(), Sample[..60]));
}
