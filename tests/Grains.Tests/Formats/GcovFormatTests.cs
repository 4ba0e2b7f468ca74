using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class GcovFormatTests
{
    private const string Folder = "gcov/ringbuf";

    /// <summary>
    /// The fixture was processed with no <c>parsers:</c> YAML: 9 branch lines but 0 partials, i.e. lines
    /// classified as branches keep their hit counts because every branch_detection flag is off.
    /// </summary>
    private static readonly ParserSettings CodecovRun = ParserSettings.Default;

    [Fact]
    public void Two_gcov_files_of_one_upload_match_codecov_totals() => TextFixtureReport.AssertMatchesCodecov(Folder, CodecovRun);

    [Fact]
    public void Merged_branch_and_method_counts_match_codecov()
    {
        var merged = TextFixtureReport.Totals(Folder).GetProperty("merged");
        var totals = TextFixtureReport.Parse(Folder, CodecovRun).Totals;
        Assert.Equal((merged.GetProperty("branches").GetInt32(), merged.GetProperty("methods").GetInt32()), (totals.Branches, totals.Methods));
    }

    [Fact]
    public void Registry_picks_gcov_for_gcov_files()
    {
        foreach (var file in TextFixtureReport.ReportFiles(Folder))
            Assert.IsType<GcovFormat>(FormatRegistry.Default.Detect(TextFixtureReport.Probe(Folder, file)));
    }

    private const string Sample = """
                -:    0:Source:a.c
        function f called 2 returned 100% blocks executed 100%
                2:    1:int f(int x)
                -:    2:{
                2:    3:    if (x > 0)
        branch  0 taken 2
        branch  1 taken 0
                2:    4:        return 1;
            #####:    5:    return 0;
                1*:   6:    g();
                -:    7:}
            #####:    8:    h(); // LCOV_EXCL_LINE
        """;

    [Fact]
    public void Conditional_branches_become_fractions_and_starred_counts_are_dropped()
    {
        var file = TextFixtureReport.ParseText(new GcovFormat(), Sample, ParserSettings.Default with { GcovBranchDetectionConditional = true })["a.c"]!;
        Assert.Equal(CoverageValue.FromBranches(1, 2), file[3]!.Coverage);
        Assert.Equal(LineKind.Branch, file[3]!.Kind);
        Assert.Equal(LineKind.Method, file[1]!.Kind);
        Assert.Equal([1, 3, 4, 5], file.Lines.Select(l => l.Key));
    }

    [Fact]
    public void Conditional_detection_off_keeps_the_hit_count()
    {
        var file = TextFixtureReport.ParseText(new GcovFormat(), Sample, ParserSettings.Default with { GcovBranchDetectionConditional = false })["a.c"]!;
        Assert.Equal(CoverageValue.FromHits(2), file[3]!.Coverage);
    }

    [Fact]
    public void A_first_line_without_a_source_name_is_rejected_readably()
    {
        var error = Assert.Throws<ReportRejectedException>(() => TextFixtureReport.ParseText(new GcovFormat(), "0:Source\n"));
        Assert.Contains("source file", error.Message);
    }
}
