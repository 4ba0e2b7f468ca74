namespace Codecov.Grains.Storage;

/// <summary>
/// The body of an HTTP response that disposes the response with it, so its connection goes back to the
/// pool. HttpClient's timeout ends with the headers; each read here has its own, so a server that stalls
/// mid-body fails the reader instead of holding it (and the grain awaiting it) forever.
/// </summary>
internal sealed class ResponseStream(HttpResponseMessage response, Stream body, TimeSpan readTimeout) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => body.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(readTimeout);
        try
        {
            return await body.ReadAsync(buffer, deadline.Token);
        }
        catch (OperationCanceledException stalled) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The S3 endpoint sent nothing for {readTimeout} in the middle of a body.", stalled);
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
        }
        base.Dispose(disposing);
    }
}
