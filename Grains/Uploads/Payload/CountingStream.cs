namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// A read-only pass-through that counts the bytes taken from the inner stream, remembers the
/// last eight of them (a gzip or zlib trailer), and can peek at the first bytes.
/// </summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private readonly byte[] tail = new byte[8];
    private byte[] pushedBack = [];
    private int pushedBackOffset;

    public long BytesRead { get; private set; }

    /// <summary>The last bytes read, oldest first (fewer than eight when less was read).</summary>
    public ReadOnlySpan<byte> Tail => BytesRead >= tail.Length ? tail : tail.AsSpan(tail.Length - (int)BytesRead);

    /// <summary>Reads up to <paramref name="count"/> bytes and hands them out again on the next reads.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var n = ReadInner(buffer.AsSpan(filled));
            if (n == 0) break;
            filled += n;
        }
        pushedBack = buffer[..filled];
        pushedBackOffset = 0;
        return pushedBack;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (pushedBackOffset < pushedBack.Length)
        {
            var n = Math.Min(buffer.Length, pushedBack.Length - pushedBackOffset);
            pushedBack.AsSpan(pushedBackOffset, n).CopyTo(buffer);
            pushedBackOffset += n;
            return n;
        }
        return ReadInner(buffer);
    }

    private int ReadInner(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0) Remember(buffer[..n]);
        BytesRead += n;
        return n;
    }

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= tail.Length)
        {
            read[^tail.Length..].CopyTo(tail);
            return;
        }
        tail.AsSpan(read.Length).CopyTo(tail);
        read.CopyTo(tail.AsSpan(tail.Length - read.Length));
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
