using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using static Codecov.Grains.Tests.Formats.CoberturaFormatTests;

namespace Codecov.Grains.Tests.Formats;

public sealed class JacocoFormatTests
{
    private readonly JacocoFormat format = new();

    public static TheoryData<string> Fixtures => FixtureReport.Folders("jacoco");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_totals_match_what_codecov_computed(string folder) =>
        FixtureAssert.TotalsMatch(FixtureReport.Load(folder), format);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_is_claimed_by_jacoco_only(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        var probe = fixture.Probe(fixture.Uploads[0].Report);
        Assert.IsType<JacocoFormat>(FormatRegistry.Default.Detect(probe));
        Assert.False(new CoberturaFormat().Matches(probe));
        Assert.False(new CloverFormat().Matches(probe));
    }

    [Fact]
    public void Branch_lines_become_covered_over_all_branches_and_method_lines_carry_complexity()
    {
        var report = Parse(["org/x/A.java"], """
            <report name="demo"><package name="org/x">
              <class name="org/x/A" sourcefilename="A.java"><method name="m" desc="()V" line="3">
                <counter type="COMPLEXITY" missed="1" covered="2"/></method></class>
              <sourcefile name="A.java">
                <line nr="3" mi="0" ci="4" mb="0" cb="0"/>
                <line nr="4" mi="0" ci="2" mb="1" cb="1"/>
                <line nr="5" mi="0" ci="2" mb="0" cb="2"/>
                <line nr="6" mi="3" ci="0" mb="0" cb="0"/>
              </sourcefile></package></report>
            """);
        var file = report["org/x/A.java"]!;
        Assert.Equal((LineKind.Method, new Complexity(2, 3)), (file[3]!.Kind, file[3]!.Complexity!.Value));
        Assert.Equal((LineKind.Branch, CoverageValue.FromBranches(1, 2)), (file[4]!.Kind, file[4]!.Coverage));
        Assert.Equal(CoverageValue.FromBranches(2, 2), file[5]!.Coverage);
        Assert.Equal(CoverageValue.FromHits(0), file[6]!.Coverage);
    }

    [Fact]
    public void Partials_as_hits_counts_a_partial_branch_line_as_a_hit()
    {
        var xml = """
            <report name="demo"><package name="org/x"><sourcefile name="A.java">
              <line nr="4" mi="0" ci="2" mb="1" cb="1"/></sourcefile></package></report>
            """;
        Assert.Equal(1, Parse(["org/x/A.java"], xml).Totals.Partials);
        var asHits = Parse(["org/x/A.java"], xml, new ParserSettings { JacocoPartialsAsHits = true });
        Assert.Equal((1, 0), (asHits.Totals.Hits, asHits.Totals.Partials));
    }

    [Fact]
    public void The_doctype_is_ignored_and_nothing_is_fetched()
    {
        using var listener = new LoopbackListener();
        var xml = $"""
            <?xml version="1.0"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "{listener.Url}report.dtd">
            <report name="demo"><package name="org/x"><sourcefile name="A.java"><line nr="1" mi="0" ci="1" mb="0" cb="0"/></sourcefile></package></report>
            """;
        Assert.Equal(1, Parse(["org/x/A.java"], xml).Totals.Hits);
        Assert.Equal(0, listener.Requests);
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported()
    {
        var fixture = FixtureReport.Load("jacoco/commons-cli");
        using var full = fixture.Open("jacoco.xml");
        var bytes = new byte[10_000];
        full.ReadExactly(bytes);
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(new MemoryStream(bytes), fixture.NewBuilder()));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
        Assert.Contains("jacoco", e.Message);
    }

    private CoverageReport Parse(string[] network, string xml, ParserSettings? settings = null)
    {
        var builder = Builder(network, settings);
        format.Parse(Stream(xml), builder);
        return builder.Build();
    }
}
