using Codecov.Grains.Formats;
using Codecov.Grains.Tests.Fuzz;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>Every fixture report cut short at several points: a sane (partial) report or a readable rejection, never a crash.</summary>
public sealed class TruncatedReportTests
{
    private static readonly double[] Cuts = [0.0005, 0.1, 0.33, 0.5, 0.77, 0.999];

    public static TheoryData<string> Reports()
    {
        var data = new TheoryData<string>();
        foreach (var seed in FuzzCorpus.FixtureReports()) data.Add(seed.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_fixture_report_cut_short_ends_sanely(string report)
    {
        var content = FuzzCorpus.FixtureReports().Single(s => s.Name == report).Content;
        var format = FormatRegistry.Default.Detect(new ReportProbe(Path.GetFileName(report), content.AsMemory(0, Math.Min(content.Length, ReportProbe.HeadSize))));
        foreach (var cut in Cuts)
        {
            var truncated = content[..(int)(content.Length * cut)];
            if (format is not null) SaneOutcome.Assert(BoundedParse.Format(format, truncated), $"{report} cut at {cut:P1} ({format.Name})");
            SaneOutcome.Assert(BoundedParse.Upload(truncated, Path.GetFileName(report)), $"{report} cut at {cut:P1} through the upload parser");
        }
    }
}
