namespace Codecov.Grains.Tests.Hostile;

/// <summary>Invalid UTF-8, NUL bytes and empty files, in every format: a sane report or a readable rejection.</summary>
public sealed class MalformedBytesTests
{
    public static TheoryData<string> Formats => HostileInputs.AllFormats();

    private static readonly byte[][] Hostile =
    [
        [0xFF, 0xFE, 0xFD],            // never valid in UTF-8
        [0xC3],                        // a lead byte without its continuation
        [0xED, 0xA0, 0x80],            // an encoded surrogate
        [0xF4, 0x90, 0x80, 0x80],      // beyond U+10FFFF
        [0x00],
        [0x00, 0x00, 0x00, 0x00],
    ];

    private static IEnumerable<byte[]> Spliced(byte[] report)
    {
        foreach (var bytes in Hostile)
        {
            foreach (var at in new[] { 0, report.Length / 3, report.Length / 2, report.Length - 1 })
                yield return [.. report.AsSpan(0, at), .. bytes, .. report.AsSpan(at)];
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Invalid_utf8_and_nul_bytes_anywhere_end_sanely(string format)
    {
        foreach (var input in Spliced(HostileInputs.Ordinary(format)))
        {
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input), format);
            SaneOutcome.Assert(BoundedParse.Upload(input), $"{format} through the upload parser");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_empty_or_blank_report_ends_sanely(string format)
    {
        foreach (var input in new[] { ""u8.ToArray(), " \n\t\r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0x00] })
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input), format);
    }

    [Fact]
    public void An_upload_of_one_empty_file_is_rejected_as_empty()
    {
        var outcome = BoundedParse.Upload([]);
        SaneOutcome.AssertRejected(outcome);
        Assert.Equal("report_empty", ((Codecov.Grains.Formats.ReportRejectedException)outcome.Failure!).Code);
    }

    [Fact]
    public void A_body_of_nul_bytes_through_the_processor_is_rejected_readably() =>
        SaneOutcome.AssertRejected(BoundedParse.Processor(new byte[4096]));

    [Fact]
    public void A_body_of_invalid_utf8_through_the_processor_is_rejected_readably() =>
        SaneOutcome.AssertRejected(BoundedParse.Processor([.. "# path=lcov.info\n"u8, 0xFF, 0xFE, .. "\n<<<<<< EOF"u8]));
}
