namespace Codecov.Gateway.Uploads;

/// <summary>Thrown when an upload body grows past <c>Codecov:MaxUploadBytes</c> while it is read.</summary>
public sealed class PayloadTooLargeException(long limit)
    : IOException($"The upload body is larger than {limit} bytes.");

/// <summary>
/// Reads through to the request body and fails once more than the limit has passed, so a body
/// without (or lying about) Content-Length is still cut off without being buffered.
/// </summary>
public sealed class SizeLimitedStream(Stream inner, long limit) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int bytes)
    {
        read += bytes;
        if (read > limit) throw new PayloadTooLargeException(limit);
        return bytes;
    }
}
