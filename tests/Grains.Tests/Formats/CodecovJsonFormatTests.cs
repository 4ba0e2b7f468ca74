using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class CodecovJsonFormatTests
{
    // Expected values follow v1.py: numbers are counts, "c/t" strings are branch lines, line 0 is dropped.
    private const string Sample = """{"coverage": {"a.c": {"0": 1, "1": 0, "2": 3, "3": "1/2", "4": "2/2", "5": null}, "b.c": [null, 1, 0]}}""";

    [Fact]
    public void Counts_and_fractions_give_codecovs_totals()
    {
        var t = TextFixtureReport.ParseText(new CodecovJsonFormat(), Sample).Totals;
        // a.c: 1 miss, 2 hits (3 and 2/2), 1 partial; b.c: line 1 hit, line 2 miss.
        Assert.Equal((2, 6, 3, 2, 1, 2), (t.Files, t.Lines, t.Hits, t.Misses, t.Partials, t.Branches));
    }

    [Fact]
    public void The_registry_claims_a_coverage_object() =>
        Assert.IsType<CodecovJsonFormat>(FormatRegistry.Default.Detect(new ReportProbe("coverage.json", System.Text.Encoding.UTF8.GetBytes(Sample))));

    [Fact]
    public void Rspec_wrapped_resultsets_are_read_from_their_coverage()
    {
        var report = TextFixtureReport.ParseText(new CodecovJsonFormat(), """{"RSpec": {"coverage": {"a.rb": [null, 2]}, "timestamp": 1}}""");
        Assert.Equal(CoverageValue.FromHits(2), report["a.rb"]![1]!.Coverage);
    }

    [Fact]
    public void Truncated_json_is_rejected_readably() =>
        Assert.Contains("Codecov JSON", Assert.Throws<ReportRejectedException>(() =>
            TextFixtureReport.ParseText(new CodecovJsonFormat(), """{"coverage": {"a.c": {"1": """)).Message);
}
