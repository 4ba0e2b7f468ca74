using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using static Codecov.Grains.Tests.Formats.CoberturaFormatTests;

namespace Codecov.Grains.Tests.Formats;

public sealed class CloverFormatTests
{
    private readonly CloverFormat format = new();

    public static TheoryData<string> Fixtures => FixtureReport.Folders("clover");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_totals_match_what_codecov_computed(string folder) =>
        FixtureAssert.TotalsMatch(FixtureReport.Load(folder), format);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_is_claimed_by_clover_and_not_by_cobertura(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        var probe = fixture.Probe(fixture.Uploads[0].Report);
        Assert.IsType<CloverFormat>(FormatRegistry.Default.Detect(probe));
        Assert.False(new CoberturaFormat().Matches(probe));
    }

    [Fact]
    public void Cond_lines_become_halves_of_two_branches()
    {
        var report = Parse("""
            <line num="1" type="cond" truecount="0" falsecount="0"/>
            <line num="2" type="cond" truecount="3" falsecount="0"/>
            <line num="3" type="cond" truecount="1" falsecount="2"/>
            """, "src/a.js");
        var file = report["src/a.js"]!;
        Assert.Equal(CoverageValue.FromBranches(0, 2), file[1]!.Coverage);
        Assert.Equal(CoverageValue.FromBranches(1, 2), file[2]!.Coverage);
        Assert.Equal(CoverageValue.FromBranches(2, 2), file[3]!.Coverage);
        Assert.All([file[1]!, file[2]!, file[3]!], l => Assert.Equal(LineKind.Branch, l.Kind));
    }

    [Fact]
    public void Method_lines_carry_their_complexity()
    {
        var line = Parse("""<line num="4" type="method" name="run" complexity="5" count="2"/>""", "src/a.php")["src/a.php"]![4]!;
        Assert.Equal((LineKind.Method, CoverageValue.FromHits(2), new Complexity(5, null)), (line.Kind, line.Coverage, line.Complexity!.Value));
    }

    [Fact]
    public void Php_lines_past_the_files_loc_are_dropped()
    {
        var report = Parse("""
            <line num="2" type="stmt" count="1"/>
            <line num="9" type="stmt" count="1"/>
            <metrics loc="5"/>
            """, "src/a.php");
        Assert.Equal(1, report.Totals.Lines);
    }

    [Fact]
    public void Php_vendor_files_are_skipped()
    {
        var report = Parse("""<line num="2" type="stmt" count="1"/>""", "vendor/lib/a.php");
        Assert.Equal(0, report.Totals.Files);
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported()
    {
        var xml = """<coverage generated="1"><project><file path="src/a.js"><line num="1" """;
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(Stream(xml), Builder(["src/a.js"])));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
    }

    private CoverageReport Parse(string lines, string path)
    {
        var builder = Builder([path]);
        format.Parse(Stream($"""<coverage generated="1"><project><file name="x" path="{path}">{lines}</file></project></coverage>"""), builder);
        return builder.Build();
    }
}
