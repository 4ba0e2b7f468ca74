using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Formats;

public sealed class XmlFormatDetectionTests
{
    private static readonly ICoverageFormat[] XmlFormats =
    [
        new ScoverageFormat(), new DotCoverFormat(), new CloverFormat(),
        new OpenCoverFormat(), new JacocoFormat(), new CoberturaFormat(),
    ];

    public static TheoryData<string, string> FixtureReports()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, name) in new[] { ("cobertura", "cobertura"), ("clover", "clover"), ("jacoco", "jacoco"), ("opencover", "opencover") })
            foreach (var folder in FixtureReport.Folders(format))
                data.Add(folder, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureReports))]
    public void Each_fixture_report_is_claimed_by_its_own_format_and_no_other_xml_format(string folder, string expected)
    {
        var fixture = FixtureReport.Load(folder);
        foreach (var upload in fixture.Uploads)
        {
            var probe = fixture.Probe(upload.Report);
            Assert.Equal([expected], XmlFormats.Where(f => f.Matches(probe)).Select(f => f.Name));
        }
    }

    [Theory]
    [InlineData("lcov/minimist", "lcov.info")]
    [InlineData("istanbul-json/qs", "coverage-final.json")]
    [InlineData("go-coverprofile/google-uuid", "coverage.out")]
    public void Text_and_json_reports_are_not_claimed_by_any_xml_format(string folder, string report)
    {
        var probe = FixtureReport.Load(folder).Probe(report);
        Assert.DoesNotContain(XmlFormats, f => f.Matches(probe));
    }
}
