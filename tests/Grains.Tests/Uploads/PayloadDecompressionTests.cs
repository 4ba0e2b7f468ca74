using System.Text;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Tests.Uploads;

public sealed class PayloadDecompressionTests
{
    private static readonly byte[] Zeros = new byte[8 * 1024 * 1024];

    private static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(42).NextBytes(data);
        return data;
    }

    [Fact]
    public void A_gzip_body_beyond_the_size_cap_is_rejected_with_a_readable_reason()
    {
        var limits = new PayloadLimits(MaxBytes: 1024 * 1024, MaxRatio: int.MaxValue);
        var body = UploadPayloadReaderTests.Gzip(Zeros);

        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(body), false, declaredGzip: true, limits));

        Assert.Equal(PayloadRejectedException.TooLarge, e.Code);
        Assert.Contains("1 MB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_body_beyond_the_size_cap_is_rejected()
    {
        var limits = new PayloadLimits(MaxBytes: 1000);
        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(new byte[5000]), false, declaredGzip: false, limits));

        Assert.Equal(PayloadRejectedException.TooLarge, e.Code);
    }

    [Fact]
    public void A_gzip_bomb_beyond_the_ratio_cap_is_rejected()
    {
        // Zeros deflate at about 1000:1; a 100:1 cap after 1 MB must stop them long before the size cap.
        var limits = new PayloadLimits(MaxRatio: 100);
        var body = UploadPayloadReaderTests.Gzip(Zeros);

        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(body), false, declaredGzip: false, limits));

        Assert.Equal(PayloadRejectedException.TooLarge, e.Code);
        Assert.Contains("decompression bomb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_text_inflates_under_the_default_caps()
    {
        var text = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"DA:{i},{i % 3}\n"));
        var body = UploadPayloadReaderTests.Gzip(Encoding.UTF8.GetBytes("# path=lcov.info\n" + text));

        var file = Assert.Single(UploadPayloadReader.Read(new MemoryStream(body), false).Files);

        Assert.Equal(text.TrimEnd('\n'), Encoding.UTF8.GetString(file.Content.Span));
    }

    [Fact]
    public void A_zlib_bomb_inside_the_cli_json_counts_against_the_upload_cap()
    {
        var limits = new PayloadLimits(MaxBytes: 2 * 1024 * 1024, MaxRatio: int.MaxValue);
        var data = Convert.ToBase64String(UploadPayloadReaderTests.Zlib(Zeros));
        var json = $$"""{"network_files":[],"coverage_files":[{"filename":"bomb.xml","format":"base64+compressed","data":"{{data}}"}]}""";

        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), true, false, limits));

        Assert.Equal(PayloadRejectedException.TooLarge, e.Code);
        Assert.Contains("bomb.xml", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5000)]
    [InlineData(50_000)]
    public void A_truncated_gzip_body_is_rejected_with_a_clear_message(int bytesCut)
    {
        var body = UploadPayloadReaderTests.Gzip(RandomBytes(100_000));

        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(body[..^bytesCut]), false));

        Assert.Equal(PayloadRejectedException.Unreadable, e.Code);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_zlib_file_in_the_cli_json_is_rejected()
    {
        var zlib = UploadPayloadReaderTests.Zlib(RandomBytes(10_000));
        var json = $$"""{"coverage_files":[{"filename":"cut.info","format":"base64+compressed","data":"{{Convert.ToBase64String(zlib[..^3])}}"}]}""";

        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), true));

        Assert.Contains("cut.info", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_declared_gzip_that_is_not_gzip_is_rejected()
    {
        var e = Assert.Throws<PayloadRejectedException>(() =>
            UploadPayloadReader.Read(new MemoryStream("SF:a\nend_of_record"u8.ToArray()), false, declaredGzip: true, PayloadLimits.Default));

        Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_with_damaged_deflate_data_is_rejected_as_unreadable()
    {
        var body = UploadPayloadReaderTests.Gzip(RandomBytes(10_000));
        for (var i = 10; i < 40; i++) body[i] = 0xff;

        var e = Assert.Throws<PayloadRejectedException>(() => UploadPayloadReader.Read(new MemoryStream(body), false));

        Assert.Equal(PayloadRejectedException.Unreadable, e.Code);
    }
}
