using System.Text;
using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class CoberturaFormatTests
{
    private readonly CoberturaFormat format = new();

    public static TheoryData<string> Fixtures => FixtureReport.Folders("cobertura");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_totals_match_what_codecov_computed(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        foreach (var upload in fixture.Uploads)
        {
            var report = fixture.Parse(format, upload.Report);
            Assert.Equal(upload.Totals, FixtureTotals.Of(report.Totals, withCounts: false));
            if (fixture.Uploads.Count == 1) Assert.Equal(fixture.Merged, FixtureTotals.Of(report.Totals, withCounts: true));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_is_claimed_by_cobertura_first(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        foreach (var upload in fixture.Uploads)
            Assert.IsType<CoberturaFormat>(FormatRegistry.Default.Detect(fixture.Probe(upload.Report)));
    }

    [Fact]
    public void A_coverage_root_with_a_generated_attribute_is_left_to_clover()
    {
        Assert.False(format.Matches(Probe("<coverage generated=\"1700000000\"><project/></coverage>")));
        Assert.True(format.Matches(Probe("<coverage timestamp=\"1\"><packages/></coverage>")));
        Assert.True(format.Matches(Probe("<scoverage><packages/></scoverage>")));
    }

    [Fact]
    public void Condition_coverage_becomes_a_branch_fraction()
    {
        var report = Parse(Cobertura("""<line number="3" hits="1" branch="true" condition-coverage="50% (1/2)"/>"""));
        var line = report["src/a.py"]![3]!;
        Assert.Equal(CoverageValue.FromBranches(1, 2), line.Coverage);
        Assert.Equal(LineKind.Branch, line.Kind);
    }

    [Fact]
    public void Missing_branches_attribute_is_kept_as_the_lines_missed_branches()
    {
        var report = Parse(Cobertura("""<line number="3" hits="1" branch="true" condition-coverage="50% (1/2)" missing-branches="7"/>"""));
        Assert.Equal(["7"], report["src/a.py"]![3]!.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void A_fully_missed_fraction_lists_every_condition_as_missing()
    {
        var report = Parse(Cobertura("""<line number="3" hits="0" branch="true" condition-coverage="0% (0/2)"/>"""));
        Assert.Equal(["0", "1"], report["src/a.py"]![3]!.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void Handle_missing_conditions_pads_ids_up_to_the_uncovered_count()
    {
        var xml = Cobertura("""
            <line number="3" hits="1" branch="true" condition-coverage="25% (1/4)">
              <conditions><condition number="0" type="jump" coverage="25%"/></conditions>
            </line>
            """);
        var report = Parse(xml, new ParserSettings { CoberturaHandleMissingConditions = true });
        Assert.Equal(["0:jump", "1", "2"], report["src/a.py"]![3]!.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void Partials_as_hits_turns_a_partial_branch_into_a_hit_line()
    {
        var xml = Cobertura("""
            <line number="3" hits="1" branch="true" condition-coverage="50% (1/2)"/>
            <line number="4" hits="0" branch="true" condition-coverage="0% (0/2)"/>
            """);
        var plain = Parse(xml).Totals;
        Assert.Equal((0, 1, 1), (plain.Hits, plain.Misses, plain.Partials));

        var asHits = Parse(xml, new ParserSettings { CoberturaPartialsAsHits = true });
        Assert.Equal(CoverageValue.FromHits(1), asHits["src/a.py"]![3]!.Coverage);
        Assert.Equal(LineKind.Line, asHits["src/a.py"]![3]!.Kind);
        Assert.Equal((1, 1, 0), (asHits.Totals.Hits, asHits.Totals.Misses, asHits.Totals.Partials));
    }

    [Fact]
    public void A_relative_class_file_is_found_through_an_absolute_source()
    {
        var xml = """
            <coverage><sources><source>/ci/build/checkout/lib</source></sources><packages><package><classes>
            <class filename="util.py"><lines><line number="1" hits="2"/></lines></class>
            </classes></package></packages></coverage>
            """;
        var builder = Builder(["lib/util.py", "other/util.py"]);
        format.Parse(Stream(xml), builder);
        Assert.NotNull(builder.Build()["lib/util.py"]);
    }

    [Fact]
    public void A_report_older_than_max_report_age_is_rejected_as_expired()
    {
        var xml = """<coverage timestamp="1000000000"><packages/></coverage>""";
        var builder = new ReportBuilder(new ParseContext(0, new PathFixer(PathFixingRules.None, null, null), ParserSettings.Default,
            DateTimeOffset.UtcNow, TimeSpan.FromHours(12)));
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(Stream(xml), builder));
        Assert.Equal(UploadErrorCodes.ReportExpired, e.Code);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(-48, true)]
    public void A_millisecond_timestamp_is_read_as_milliseconds_for_max_report_age(int hoursAgo, bool rejected)
    {
        var now = DateTimeOffset.UtcNow;
        var xml = $"""<coverage timestamp="{now.AddHours(hoursAgo).ToUnixTimeMilliseconds()}"><packages/></coverage>""";
        var builder = new ReportBuilder(new ParseContext(0, new PathFixer(PathFixingRules.None, null, null), ParserSettings.Default,
            now, TimeSpan.FromHours(12)));
        var e = Record.Exception(() => format.Parse(Stream(xml), builder));
        Assert.Equal(rejected, e is ReportRejectedException { Code: UploadErrorCodes.ReportExpired });
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported_with_a_readable_message()
    {
        var fixture = FixtureReport.Load("cobertura/tomli");
        using var full = fixture.Open("coverage.xml");
        var bytes = new byte[4000];
        full.ReadExactly(bytes);
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(new MemoryStream(bytes), fixture.NewBuilder()));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
        Assert.Contains("cobertura report could not be read", e.Message);
    }

    [Fact]
    public void An_external_entity_is_never_fetched_or_expanded()
    {
        using var listener = new LoopbackListener();
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE coverage SYSTEM "{listener.Url}coverage.dtd" [<!ENTITY ext SYSTEM "{listener.Url}secret">]>
            <coverage><packages><package><classes>
            <class filename="src/a.py"><lines><line number="1" hits="&ext;"/></lines></class>
            </classes></package></packages></coverage>
            """;
        var e = Record.Exception(() => Parse(xml));
        Assert.Equal(0, listener.Requests);
        // The undeclared-by-DTD entity cannot be expanded, so the hits value is not a number.
        Assert.IsType<ReportRejectedException>(e);
    }

    private static string Cobertura(string lines) => $"""
        <coverage timestamp="1"><packages><package><classes>
        <class filename="src/a.py"><lines>{lines}</lines></class>
        </classes></package></packages></coverage>
        """;

    private CoverageReport Parse(string xml, ParserSettings? settings = null)
    {
        var builder = Builder(["src/a.py"], settings);
        format.Parse(Stream(xml), builder);
        return builder.Build();
    }

    internal static ReportBuilder Builder(IEnumerable<string> network, ParserSettings? settings = null) =>
        new(new ParseContext(0, new PathFixer(PathFixingRules.None, network?.ToList(), null), settings ?? ParserSettings.Default, DateTimeOffset.UtcNow, null));

    internal static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    internal static ReportProbe Probe(string xml) => new("report.xml", Encoding.UTF8.GetBytes(xml));
}
