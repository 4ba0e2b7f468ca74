using System.Buffers.Binary;
using System.IO.Compression;

namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// Inflates an upload's body and its embedded files under one budget (<see cref="PayloadLimits"/>).
/// Gzip bodies are what the Node and bash uploaders send; the CLI's JSON embeds zlib streams
/// (codecov-upload-protocol §2, §3, §5). .NET's inflaters stop silently at a truncated stream,
/// so each stream's trailer is checked against what was inflated.
/// </summary>
public sealed class PayloadDecompression(PayloadLimits limits)
{
    private const int ChunkSize = 81920;
    private long total;

    /// <summary>Bytes read and inflated so far for this upload.</summary>
    public long TotalBytes => total;

    /// <summary>
    /// The body as plain bytes: gunzipped when it starts with the gzip magic <c>1f 8b</c>
    /// (codecov-upload-protocol §5a), read as is otherwise.
    /// </summary>
    public byte[] ReadBody(Stream raw, bool declaredGzip)
    {
        var input = new CountingStream(raw);
        var head = input.Peek(2);
        var isGzip = head.Length == 2 && head[0] == 0x1f && head[1] == 0x8b;
        if (isGzip) return Gunzip(input);
        if (declaredGzip)
        {
            throw new PayloadRejectedException(PayloadRejectedException.Unreadable,
                "The upload says it is gzip-compressed (Content-Encoding: gzip) but its body is not gzip data. " +
                "Send the report either gzip-compressed or as plain text without that header.");
        }
        return Copy(input, compressed: null, "the upload body");
    }

    /// <summary>A CLI coverage file: zlib-compressed bytes (RFC 1950), checked against their Adler-32 trailer.</summary>
    public byte[] InflateZlib(byte[] compressed, string fileName)
    {
        var input = new CountingStream(new MemoryStream(compressed, writable: false));
        byte[] output;
        try
        {
            using var zlib = new ZLibStream(input, CompressionMode.Decompress, leaveOpen: true);
            output = Copy(zlib, input, $"coverage file '{fileName}'");
        }
        catch (InvalidDataException e)
        {
            throw Damaged($"coverage file '{fileName}' is not valid zlib data", e);
        }
        if (compressed.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(compressed.AsSpan(^4)) != Adler32(output))
            throw Damaged($"coverage file '{fileName}' is a truncated or damaged zlib stream", null);
        return output;
    }

    private byte[] Gunzip(CountingStream input)
    {
        byte[] output;
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            output = Copy(gzip, input, "the upload body");
            input.CopyTo(Stream.Null);
        }
        catch (InvalidDataException e)
        {
            throw Damaged("the upload body is not valid gzip data", e);
        }
        // The gzip trailer ends with ISIZE, the inflated length modulo 2^32 (RFC 1952 §2.3.1).
        var trailer = input.Tail;
        if (input.BytesRead < 18 || BinaryPrimitives.ReadUInt32LittleEndian(trailer[^4..]) != (uint)output.LongLength)
            throw Damaged("the upload body is a truncated or damaged gzip stream (it ends before its gzip trailer says it should)", null);
        return output;
    }

    /// <summary>Copies <paramref name="source"/> out while enforcing the size and ratio caps.</summary>
    private byte[] Copy(Stream source, CountingStream? compressed, string what)
    {
        using var output = new MemoryStream();
        var buffer = new byte[ChunkSize];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
            total += n;
            if (total > limits.MaxBytes) throw TooLarge(what);
            if (compressed is not null && output.Length > limits.RatioAllowanceBytes
                && output.Length > (double)limits.MaxRatio * Math.Max(1, compressed.BytesRead))
                throw TooDense(what, output.Length, compressed.BytesRead);
        }
        return output.ToArray();
    }

    private PayloadRejectedException TooLarge(string what) =>
        new(PayloadRejectedException.TooLarge,
            $"The upload was rejected: {what} inflates to more than {Megabytes(limits.MaxBytes)} MB, the limit for one upload. " +
            "Upload fewer or smaller reports per upload.");

    private PayloadRejectedException TooDense(string what, long inflated, long compressedBytes) =>
        new(PayloadRejectedException.TooLarge,
            $"The upload was rejected: {what} inflated {inflated} bytes from only {compressedBytes} compressed bytes " +
            $"(more than {limits.MaxRatio}:1), which looks like a decompression bomb rather than a coverage report.");

    private static PayloadRejectedException Damaged(string detail, Exception? inner) =>
        new(PayloadRejectedException.Unreadable,
            $"The upload could not be read: {detail}. The upload was probably cut off in transfer; upload it again.", inner);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Adler-32 checksum that ends a zlib stream (RFC 1950 §8).</summary>
    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint modulus = 65521;
        uint a = 1, b = 0;
        while (data.Length > 0)
        {
            // 5552 bytes is the most that can be summed before the 32-bit sums could overflow.
            var block = data[..Math.Min(5552, data.Length)];
            foreach (var x in block) { a += x; b += a; }
            a %= modulus;
            b %= modulus;
            data = data[block.Length..];
        }
        return (b << 16) | a;
    }
}
