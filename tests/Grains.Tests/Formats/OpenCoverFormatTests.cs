using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using static Codecov.Grains.Tests.Formats.CoberturaFormatTests;

namespace Codecov.Grains.Tests.Formats;

public sealed class OpenCoverFormatTests
{
    private readonly OpenCoverFormat format = new();

    public static TheoryData<string> Fixtures => FixtureReport.Folders("opencover");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_totals_match_what_codecov_computed(string folder) =>
        FixtureAssert.TotalsMatch(FixtureReport.Load(folder), format);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_report_is_claimed_by_opencover_only(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        var probe = fixture.Probe(fixture.Uploads[0].Report);
        Assert.IsType<OpenCoverFormat>(FormatRegistry.Default.Detect(probe));
        Assert.False(new CoberturaFormat().Matches(probe));
        Assert.False(new JacocoFormat().Matches(probe));
    }

    [Fact]
    public void A_multi_line_sequence_point_covers_every_line_and_branch_points_name_missing_branches()
    {
        var builder = Builder(["src/A.cs"]);
        format.Parse(Stream("""
            <CoverageSession><Modules><Module><Files><File uid="1" fullPath="C:\ci\src\A.cs"/></Files>
            <Classes><Class><Methods><Method><FileRef uid="1"/>
              <SequencePoints>
                <SequencePoint vc="2" sl="10" el="12" bec="0" bev="0"/>
                <SequencePoint vc="1" sl="20" el="20" bec="2" bev="1"/>
              </SequencePoints>
              <BranchPoints><BranchPoint vc="0" sl="20" offset="7" offsetend="9"/><BranchPoint vc="3" sl="20" offset="7" offsetend="11"/></BranchPoints>
            </Method></Methods></Class></Classes></Module></Modules></CoverageSession>
            """), builder);
        var file = builder.Build()["src/A.cs"]!;
        Assert.Equal([10, 11, 12, 20], file.Lines.Select(l => l.Key));
        Assert.Equal(CoverageValue.FromHits(2), file[11]!.Coverage);
        Assert.Equal((LineKind.Branch, CoverageValue.FromBranches(1, 2)), (file[20]!.Kind, file[20]!.Coverage));
        Assert.Equal(["7:9"], file[20]!.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported()
    {
        var e = Assert.Throws<ReportRejectedException>(() =>
            format.Parse(Stream("<CoverageSession><Modules><Module><Files><File uid=\"1\" full"), Builder(["a.cs"])));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
    }
}
