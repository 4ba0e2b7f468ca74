using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class SizeLimitedStreamTests
{
    [Fact]
    public async Task Body_of_exactly_the_limit_is_read_whole()
    {
        var limited = new SizeLimitedStream(new MemoryStream(new byte[100]), 100);
        var copy = new MemoryStream();
        await limited.CopyToAsync(copy);
        Assert.Equal(100, copy.Length);
    }

    [Fact]
    public async Task Body_one_byte_past_the_limit_fails_while_streaming()
    {
        var limited = new SizeLimitedStream(new MemoryStream(new byte[101]), 100);
        await Assert.ThrowsAsync<PayloadTooLargeException>(() => limited.CopyToAsync(Stream.Null));
    }
}
