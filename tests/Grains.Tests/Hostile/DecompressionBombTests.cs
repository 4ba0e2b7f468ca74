using System.IO.Compression;
using System.Text;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>
/// gzip and zlib bombs through the payload reader and the upload processor: the caps hold, the
/// upload is rejected with a readable reason, and what is allocated stays bounded by the caps, not by
/// what the bomb would inflate to.
/// </summary>
public sealed class DecompressionBombTests
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Zeros compressed as tightly as deflate allows (about 1000:1), written in chunks to keep the test's own memory small.</summary>
    private static byte[] Compress(long zeros, Func<Stream, Stream> compressor, string prefix = "")
    {
        using var output = new MemoryStream();
        using (var compressed = compressor(output))
        {
            compressed.Write(Encoding.UTF8.GetBytes(prefix));
            var chunk = new byte[Megabyte];
            for (long written = 0; written < zeros; written += chunk.Length) compressed.Write(chunk);
        }
        return output.ToArray();
    }

    private static byte[] GzipBomb(long zeros, string prefix = "") =>
        Compress(zeros, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true), prefix);

    private static byte[] ZlibBomb(long zeros) => Compress(zeros, s => new ZLibStream(s, CompressionLevel.SmallestSize, leaveOpen: true));

    /// <summary>Runs <paramref name="read"/> with a deadline and reports the bytes it allocated on its thread (so it must not hop threads).</summary>
    private static (ParseOutcome Outcome, long Allocated) Measured(Func<object?> read)
    {
        long allocated = 0;
        var outcome = BoundedParse.Run(() =>
        {
            var start = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                read();
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - start;
            }
            return null;
        });
        return (outcome, allocated);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_size_cap_and_allocates_about_that_much()
    {
        var limits = new PayloadLimits(MaxBytes: 16 * Megabyte, MaxRatio: int.MaxValue);
        var bomb = GzipBomb(256 * Megabyte, "# path=lcov.info\n");

        var (outcome, allocated) = Measured(() => UploadPayloadReader.Read(new MemoryStream(bomb), false, declaredGzip: true, limits));

        SaneOutcome.AssertRejected(outcome);
        Assert.Equal(PayloadRejectedException.TooLarge, ((PayloadRejectedException)outcome.Failure!).Code);
        // The output buffer grows by doubling up to the 16 MB cap: a few times the cap, never the 256 MB.
        Assert.InRange(allocated, 0, 80 * Megabyte);
    }

    [Fact]
    public void A_gzip_bomb_through_the_processor_with_default_caps_is_rejected_with_bounded_memory()
    {
        var bomb = GzipBomb(64 * Megabyte, "# path=lcov.info\n");

        var (outcome, allocated) = Measured(() => BoundedParse.Process(bomb));

        SaneOutcome.AssertRejected(outcome);
        Assert.Contains("bomb", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 48 * Megabyte);
    }

    [Fact]
    public void A_zlib_bomb_inside_the_cli_json_is_rejected_through_the_processor()
    {
        var data = Convert.ToBase64String(ZlibBomb(64 * Megabyte));
        var json = $$"""{"network_files":[],"coverage_files":[{"filename":"coverage.xml","format":"base64+compressed","data":"{{data}}"}]}""";

        var (outcome, allocated) = Measured(() => BoundedParse.Process(Encoding.UTF8.GetBytes(json), createdByCli: true));

        SaneOutcome.AssertRejected(outcome);
        Assert.Contains("coverage.xml", outcome.Failure!.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 48 * Megabyte);
    }

    [Fact]
    public void Many_small_zlib_files_that_each_pass_the_ratio_cap_still_meet_the_upload_cap()
    {
        // Each file inflates to 1 MB, under the ratio allowance; together they pass the 8 MB cap.
        var limits = new PayloadLimits(MaxBytes: 8 * Megabyte);
        var file = Convert.ToBase64String(ZlibBomb(Megabyte));
        var files = string.Join(",", Enumerable.Range(0, 20).Select(i => $$"""{"filename":"f{{i}}.info","format":"base64+compressed","data":"{{file}}"}"""));
        var json = $$"""{"coverage_files":[{{files}}]}""";

        var (outcome, allocated) = Measured(() => UploadPayloadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), true, false, limits));

        SaneOutcome.AssertRejected(outcome);
        Assert.Equal(PayloadRejectedException.TooLarge, ((PayloadRejectedException)outcome.Failure!).Code);
        Assert.InRange(allocated, 0, 64 * Megabyte);
    }

    [Fact]
    public void A_gzip_body_cut_in_the_middle_is_rejected_readably()
    {
        var body = GzipBomb(Megabyte, "# path=lcov.info\nSF:a.c\nDA:1,1\nend_of_record\n");
        SaneOutcome.AssertRejected(BoundedParse.Processor(body[..(body.Length / 2)]));
    }
}
