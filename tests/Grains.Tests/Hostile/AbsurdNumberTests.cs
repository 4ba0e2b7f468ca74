namespace Codecov.Grains.Tests.Hostile;

/// <summary>Line numbers and hit counts no tool writes: each report still ends sanely, and no line beyond 10⁷ or below 1 is kept.</summary>
public sealed class AbsurdNumberTests
{
    public static TheoryData<string> Formats => HostileInputs.AllFormats();

    private static readonly string[] Lines = ["10000001", "99999999", "-5", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e9", "3.5"];
    private static readonly string[] Hits = ["-3", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "NaN"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Absurd_line_numbers_end_in_a_sane_report_or_a_rejection(string format)
    {
        foreach (var line in Lines)
        {
            var input = HostileInputs.Fill(format, line, "1");
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input), $"{format} line {line}");
            SaneOutcome.Assert(BoundedParse.Upload(input), $"{format} line {line} through the upload parser");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Negative_and_overflowing_hit_counts_end_in_a_sane_report_or_a_rejection(string format)
    {
        foreach (var hits in Hits)
        {
            var input = HostileInputs.Fill(format, "4", hits);
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input), $"{format} hits {hits}");
            SaneOutcome.Assert(BoundedParse.Upload(input), $"{format} hits {hits} through the upload parser");
        }
    }

    [Fact]
    public void A_line_number_beyond_ten_million_is_dropped_not_allocated()
    {
        var outcome = BoundedParse.Format(HostileInputs.Format("lcov"), HostileInputs.Fill("lcov", "10000001", "1"));
        SaneOutcome.Assert(outcome);
        Assert.False(outcome.Report!.Files.Any());
    }
}
