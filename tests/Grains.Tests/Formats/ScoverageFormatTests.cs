using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using static Codecov.Grains.Tests.Formats.CoberturaFormatTests;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// No real Scoverage output is in the fixtures: the report is written by hand from Scoverage's
/// documented <c>statements</c> shape (one <c>statement</c> with <c>source</c>, <c>line</c>,
/// <c>count</c>, <c>branch</c>, <c>ignored</c> children), and the expected numbers follow Codecov's
/// scoverage.py rules (branch → "count/2"; otherwise the count, capped at 99999; ignored skipped).
/// </summary>
public sealed class ScoverageFormatTests
{
    private const string Report = """
        <statements>
          <statement><source>/home/ci/repo/src/main/scala/Calc.scala</source><line>3</line><count>4</count><branch>false</branch><ignored>false</ignored></statement>
          <statement><source>/home/ci/repo/src/main/scala/Calc.scala</source><line>4</line><count>0</count><branch>false</branch><ignored>false</ignored></statement>
          <statement><source>/home/ci/repo/src/main/scala/Calc.scala</source><line>5</line><count>1</count><branch>true</branch><ignored>false</ignored></statement>
          <statement><source>/home/ci/repo/src/main/scala/Calc.scala</source><line>6</line><count>0</count><branch>false</branch><ignored>true</ignored></statement>
          <statement><source>/home/ci/repo/src/main/scala/Calc.scala</source><line>7</line><count>1234567</count><branch>false</branch><ignored>false</ignored></statement>
        </statements>
        """;

    private readonly ScoverageFormat format = new();

    [Fact]
    public void Statements_become_hits_misses_and_half_branches()
    {
        var builder = Builder(["src/main/scala/Calc.scala"]);
        format.Parse(Stream(Report), builder);
        var report = builder.Build();
        var file = report["src/main/scala/Calc.scala"]!;
        // Lines 3 and 7 hit, 4 missed, 5 partial ("1/2"), 6 ignored.
        Assert.Equal((4, 2, 1, 1), (report.Totals.Lines, report.Totals.Hits, report.Totals.Misses, report.Totals.Partials));
        Assert.Equal((LineKind.Branch, CoverageValue.FromBranches(1, 2)), (file[5]!.Kind, file[5]!.Coverage));
        Assert.Equal(CoverageValue.FromHits(99999), file[7]!.Coverage);
        Assert.Null(file[6]);
    }

    [Fact]
    public void A_statements_root_is_claimed_by_scoverage_and_a_scoverage_root_by_cobertura()
    {
        Assert.IsType<ScoverageFormat>(FormatRegistry.Default.Detect(Probe(Report)));
        Assert.IsType<CoberturaFormat>(FormatRegistry.Default.Detect(Probe("<scoverage><packages/></scoverage>")));
    }

    [Fact]
    public void A_truncated_report_is_rejected_as_unsupported()
    {
        var e = Assert.Throws<ReportRejectedException>(() => format.Parse(Stream(Report[..200]), Builder(["src/main/scala/Calc.scala"])));
        Assert.Equal(UploadErrorCodes.UnsupportedFileFormat, e.Code);
    }
}
