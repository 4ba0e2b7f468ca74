using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using static Codecov.Grains.Tests.Formats.CoberturaFormatTests;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// No real dotCover output is in the fixtures: these reports are written by hand from dotCover's
/// documented DetailedXML shape (root <c>Root</c>, <c>File Index Name</c>, <c>Statement FileIndex
/// Line Column EndLine EndColumn Covered</c>), and the expected numbers follow Codecov's
/// jetbrainsxml.py rules (start line only; Covered="True" → 1, else 0; hits merge by max).
/// </summary>
public sealed class DotCoverFormatTests
{
    private const string Report = """
        <?xml version="1.0" encoding="utf-8"?>
        <Root CoveredStatements="3" TotalStatements="5" CoveragePercent="60" ReportType="DetailedXml" DotCoverVersion="2023.3">
          <File Index="1" Name="C:\build\repo\src\Calc.cs" />
          <File Index="2" Name="C:\build\repo\src\Gone.cs" />
          <Assembly Name="Calc" CoveredStatements="3" TotalStatements="5" CoveragePercent="60">
            <Namespace Name="Calc">
              <Type Name="Calculator">
                <Method Name="Add(int,int):int">
                  <Statement FileIndex="1" Line="5" Column="9" EndLine="5" EndColumn="10" Covered="True" />
                  <Statement FileIndex="1" Line="6" Column="13" EndLine="8" EndColumn="27" Covered="False" />
                  <Statement FileIndex="1" Line="9" Column="9" EndLine="9" EndColumn="10" Covered="False" />
                  <Statement FileIndex="1" Line="9" Column="12" EndLine="9" EndColumn="20" Covered="True" />
                  <Statement FileIndex="2" Line="3" Column="1" EndLine="3" EndColumn="2" Covered="True" />
                </Method>
              </Type>
            </Namespace>
          </Assembly>
        </Root>
        """;

    private readonly DotCoverFormat format = new();

    [Fact]
    public void Statements_count_on_their_start_line_and_unknown_files_are_dropped()
    {
        var builder = Builder(["src/Calc.cs"]);
        format.Parse(Stream(Report), builder);
        var report = builder.Build();
        // Lines 5 (hit), 6 (miss: only the start line of 6–8), 9 (hit: max of 0 and 1); Gone.cs is not in the network.
        Assert.Equal((1, 3, 2, 1), (report.Totals.Files, report.Totals.Lines, report.Totals.Hits, report.Totals.Misses));
        Assert.Null(report["src/Calc.cs"]![7]);
    }

    [Fact]
    public void A_root_element_named_Root_is_claimed_by_dotcover_first()
    {
        Assert.IsType<DotCoverFormat>(FormatRegistry.Default.Detect(Probe(Report)));
        Assert.False(format.Matches(Probe("<coverage><packages/></coverage>")));
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported()
    {
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(Stream(Report[..300]), Builder(["src/Calc.cs"])));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
    }
}
