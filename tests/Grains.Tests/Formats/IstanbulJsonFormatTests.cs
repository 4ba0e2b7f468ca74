using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class IstanbulJsonFormatTests
{
    [Theory]
    [InlineData("istanbul-json/minimist")]
    [InlineData("istanbul-json/qs")]
    public void Fixture_totals_match_codecov(string folder) => TextFixtureReport.AssertMatchesCodecov(folder);

    [Theory]
    [InlineData("istanbul-json/minimist")]
    [InlineData("istanbul-json/qs")]
    public void Merged_branch_and_method_lines_match_codecov(string folder)
    {
        var merged = TextFixtureReport.Totals(folder).GetProperty("merged");
        var totals = TextFixtureReport.Parse(folder).Totals;
        Assert.Equal((merged.GetProperty("branches").GetInt32(), merged.GetProperty("methods").GetInt32()), (totals.Branches, totals.Methods));
    }

    [Theory]
    [InlineData("istanbul-json/minimist")]
    [InlineData("istanbul-json/qs")]
    public void Registry_picks_istanbul_for_coverage_final_json(string folder) =>
        Assert.IsType<IstanbulJsonFormat>(FormatRegistry.Default.Detect(TextFixtureReport.Probe(folder, "coverage-final.json")));

    [Fact]
    public void Truncated_json_is_rejected_with_a_readable_message()
    {
        var error = Assert.Throws<ReportRejectedException>(() =>
            TextFixtureReport.ParseText(new IstanbulJsonFormat(), """{"a.js": {"statementMap": {"0": {"start": {"line": 1""" ));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, error.Code);
        Assert.Contains("Istanbul JSON", error.Message);
    }

    [Fact]
    public void Statements_merge_by_max_on_their_start_line()
    {
        var report = TextFixtureReport.ParseText(new IstanbulJsonFormat(), """
            {"a.js": {"statementMap": {"0": {"start": {"line": 2, "column": 0}, "end": {"line": 2, "column": 5}},
                                       "1": {"start": {"line": 2, "column": 6}, "end": {"line": 2, "column": 9}}},
                      "s": {"0": 0, "1": 3}, "branchMap": {}, "b": {}, "fnMap": {}, "f": {}}}
            """);
        Assert.Equal(CoverageValue.FromHits(3), report["a.js"]![2]!.Coverage);
    }
}
