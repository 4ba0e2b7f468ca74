using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class LcovFormatTests
{
    [Theory]
    [InlineData("lcov/cjson")]
    [InlineData("lcov/minimist")]
    [InlineData("lcov/more-itertools")]
    [InlineData("lcov/qs")]
    public void Fixture_totals_match_codecov(string folder) => TextFixtureReport.AssertMatchesCodecov(folder);

    [Theory]
    [InlineData("lcov/cjson")]
    [InlineData("lcov/qs")]
    public void Registry_picks_lcov_for_lcov_fixtures(string folder) =>
        Assert.IsType<LcovFormat>(FormatRegistry.Default.Detect(TextFixtureReport.Probe(folder, TextFixtureReport.ReportFiles(folder)[0])));

    [Fact]
    public void Brda_replaces_da_with_taken_over_total_and_dash_is_a_miss()
    {
        var report = TextFixtureReport.ParseText(new LcovFormat(), "SF:a.c\nDA:3,5\nBRDA:3,0,0,1\nBRDA:3,0,1,-\nend_of_record\n");
        var line = report["a.c"]![3]!;
        Assert.Equal(CoverageValue.FromBranches(1, 2), line.Coverage);
        Assert.Equal(LineKind.Branch, line.Kind);
    }

    [Fact]
    public void Executed_line_with_all_branches_untaken_is_a_miss()
    {
        var report = TextFixtureReport.ParseText(new LcovFormat(), "SF:a.c\nDA:3,5\nBRDA:3,0,0,0\nBRDA:3,0,1,-\nend_of_record\n");
        Assert.Equal(LineType.Miss, report["a.c"]![3]!.Type);
    }

    [Fact]
    public void Javascript_branches_and_functions_are_ignored_unless_partials_are_enabled()
    {
        const string text = "SF:a.js\nFN:3,f\nDA:3,5\nBRDA:3,0,0,0\nBRDA:3,0,1,1\nend_of_record\n";
        Assert.Equal(CoverageValue.FromHits(5), TextFixtureReport.ParseText(new LcovFormat(), text)["a.js"]![3]!.Coverage);
        var enabled = TextFixtureReport.ParseText(new LcovFormat(), text, ParserSettings.Default with { JavascriptEnablePartials = true });
        Assert.Equal(CoverageValue.FromBranches(1, 2), enabled["a.js"]![3]!.Coverage);
        Assert.Equal(LineKind.Method, enabled["a.js"]![3]!.Kind);
    }

    [Fact]
    public void Duplicate_records_of_one_file_merge_by_the_higher_count()
    {
        var report = TextFixtureReport.ParseText(new LcovFormat(), "SF:a.c\nDA:1,0\nDA:2,3\nend_of_record\nSF:a.c\nDA:1,4\nDA:2,1\nend_of_record\n");
        Assert.Equal(CoverageValue.FromHits(4), report["a.c"]![1]!.Coverage);
        Assert.Equal(CoverageValue.FromHits(3), report["a.c"]![2]!.Coverage);
    }

    [Fact]
    public void Negative_counts_and_absurd_line_numbers_do_not_crash()
    {
        var report = TextFixtureReport.ParseText(new LcovFormat(), "SF:a.c\nDA:1,-4\nDA:99999999999999999999,1\nDA:2,1e3\nDA:x,1\nend_of_record\n");
        Assert.Equal(CoverageValue.FromHits(0), report["a.c"]![1]!.Coverage);
        Assert.Equal(CoverageValue.FromHits(1000), report["a.c"]![2]!.Coverage);
        Assert.Equal(2, report["a.c"]!.Count);
    }

    [Fact]
    public void Garbage_text_is_rejected_as_empty_with_a_readable_message()
    {
        var parser = new UploadReportParser(FormatRegistry.Default);
        var bytes = "SF:a.c\nthis is not lcov\nend_of_record\n"u8.ToArray();
        var error = Assert.Throws<ReportRejectedException>(() => parser.Parse(
            [new UploadReportFile("lcov.info", () => new MemoryStream(bytes))],
            new ParseContext(1, new Codecov.Grains.Paths.PathFixer(Codecov.Grains.Paths.PathFixingRules.None, null, null), ParserSettings.Default, DateTimeOffset.UtcNow, null)));
        Assert.Equal(UploadErrorCodes.ReportEmpty, error.Code);
        Assert.Contains("lcov.info", error.Message);
    }
}
