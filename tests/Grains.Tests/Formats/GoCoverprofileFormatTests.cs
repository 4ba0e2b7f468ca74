using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class GoCoverprofileFormatTests
{
    [Theory]
    [InlineData("go-coverprofile/golang-stdlib")]
    [InlineData("go-coverprofile/google-uuid")]
    public void Fixture_totals_match_codecov(string folder) => TextFixtureReport.AssertMatchesCodecov(folder);

    [Theory]
    [InlineData("go-coverprofile/golang-stdlib")]
    [InlineData("go-coverprofile/google-uuid")]
    public void Registry_picks_go_for_coverprofiles(string folder) =>
        Assert.IsType<GoCoverprofileFormat>(FormatRegistry.Default.Detect(TextFixtureReport.Probe(folder, "coverage.out")));

    [Fact]
    public void A_block_covers_every_line_it_spans()
    {
        var report = TextFixtureReport.ParseText(new GoCoverprofileFormat(), "mode: set\na.go:3.10,6.2 2 1\n");
        // Lines 3-5 get the block; line 6 holds only the closing brace (end column 2).
        Assert.Equal([3, 4, 5], report["a.go"]!.Lines.Select(l => l.Key));
    }

    [Fact]
    public void Overlapping_blocks_with_different_counts_make_a_partial_line()
    {
        var report = TextFixtureReport.ParseText(new GoCoverprofileFormat(), "mode: count\na.go:3.5,3.20 1 1\na.go:3.20,3.40 1 0\n");
        Assert.Equal(CoverageValue.FromBranches(1, 2), report["a.go"]![3]!.Coverage);
    }

    [Fact]
    public void Partials_as_hits_turns_partial_lines_into_hits()
    {
        var report = TextFixtureReport.ParseText(new GoCoverprofileFormat(), "mode: count\na.go:3.5,3.20 1 1\na.go:3.20,3.40 1 0\n",
            ParserSettings.Default with { GoPartialsAsHits = true });
        Assert.Equal(CoverageValue.FromHits(1), report["a.go"]![3]!.Coverage);
    }

    [Fact]
    public void A_malformed_block_is_rejected_with_a_readable_message()
    {
        var error = Assert.Throws<ReportRejectedException>(() =>
            TextFixtureReport.ParseText(new GoCoverprofileFormat(), "mode: set\na.go:garbage\n"));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, error.Code);
        Assert.Contains("garbage", error.Message);
    }

    [Fact]
    public void Absurd_line_numbers_are_dropped_without_expanding_them()
    {
        var report = TextFixtureReport.ParseText(new GoCoverprofileFormat(), "mode: set\na.go:1.1,2000000000.2 1 1\na.go:5.1,5.9 1 -3\n");
        Assert.Single(report["a.go"]!.Lines);
    }
}
