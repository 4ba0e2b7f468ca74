using System.Text;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>
/// A report that names the same file or line more than once: the records merge as one session's
/// records merge in Codecov (codecov-semantics §1: numbers take the max, never the sum).
/// </summary>
public sealed class DuplicateRecordTests
{
    public static TheoryData<string> Formats => HostileInputs.AllFormats();

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_report_repeated_twice_in_one_file_ends_sanely(string format)
    {
        var once = HostileInputs.Ordinary(format);
        var twice = once.Concat("\n"u8.ToArray()).Concat(once).ToArray();
        SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), twice), format);
        SaneOutcome.Assert(BoundedParse.Upload(twice), format);
    }

    [Fact]
    public void Repeated_lcov_records_of_one_line_count_it_once_with_the_higher_hits()
    {
        var lcov = "SF:src/a.c\nDA:7,0\nDA:7,3\nend_of_record\nSF:src/a.c\nDA:7,1\nDA:8,0\nend_of_record\n";
        var outcome = BoundedParse.Format(HostileInputs.Format("lcov"), Encoding.UTF8.GetBytes(lcov));

        SaneOutcome.Assert(outcome);
        var totals = outcome.Report!.Totals;
        // Line 7: max(0, 3, 1) = 3, a hit; line 8 a miss. Two lines, not four.
        Assert.Equal((1, 2, 1, 1), (totals.Files, totals.Lines, totals.Hits, totals.Misses));
        Assert.Equal(3, outcome.Report["src/a.c"]![7]!.Coverage.Hits);
    }

    [Fact]
    public void Repeated_cobertura_classes_of_one_file_merge_line_by_line()
    {
        var xml = """
            <coverage timestamp="1"><packages><package><classes>
              <class filename="src/a.py"><lines><line number="1" hits="0"/><line number="2" hits="0"/></lines></class>
              <class filename="src/a.py"><lines><line number="1" hits="4"/></lines></class>
            </classes></package></packages></coverage>
            """;
        var outcome = BoundedParse.Format(HostileInputs.Format("cobertura"), Encoding.UTF8.GetBytes(xml));

        SaneOutcome.Assert(outcome);
        Assert.Equal((2, 1, 1), (outcome.Report!.Totals.Lines, outcome.Report.Totals.Hits, outcome.Report.Totals.Misses));
    }
}
