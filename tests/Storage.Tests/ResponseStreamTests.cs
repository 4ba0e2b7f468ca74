using System.IO.Pipelines;
using System.Net;
using Codecov.Grains.Storage;

namespace Codecov.Storage.Tests;

/// <summary>Reading an S3 body: a server that stalls mid-body fails the read; disposing returns the response.</summary>
public sealed class ResponseStreamTests
{
    [Fact]
    public async Task A_body_that_stops_arriving_fails_the_read_with_a_timeout()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 1, 2, 3 });
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        await using var stream = new ResponseStream(response, pipe.Reader.AsStream(), TimeSpan.FromMilliseconds(200));
        var buffer = new byte[16];

        Assert.Equal(3, await stream.ReadAsync(buffer));
        await Assert.ThrowsAsync<TimeoutException>(async () => Assert.Equal(0, await stream.ReadAsync(buffer)));
    }

    [Fact]
    public async Task A_read_cancelled_by_its_caller_stays_a_cancellation()
    {
        var pipe = new Pipe();
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        await using var stream = new ResponseStream(response, pipe.Reader.AsStream(), TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => Assert.Equal(0, await stream.ReadAsync(new byte[16], caller.Token)));
    }

    [Fact]
    public async Task Disposing_the_stream_disposes_the_response()
    {
        var content = new TrackedContent();
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        var stream = new ResponseStream(response, new MemoryStream([1]), TimeSpan.FromSeconds(1));

        await stream.DisposeAsync();

        Assert.True(content.Disposed);
    }

    private sealed class TrackedContent : HttpContent
    {
        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
