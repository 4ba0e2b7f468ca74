using System.Runtime.CompilerServices;
using System.Text;

namespace Codecov.Grains.Formats;

/// <summary>
/// The lines of a text report as spans over one reused buffer: the same lines, decoded the same
/// way, as <see cref="ReportText.Lines"/> gives (<c>StreamReader.ReadLine</c>: "\n", "\r" and
/// "\r\n" end a line; a last line without an end still counts), without a string per line.
/// A line is valid until the next call.
/// </summary>
internal sealed class TextLineReader(Stream content) : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Buffers under the large-object threshold (85,000 bytes; the reader's own char buffer is one
    // char per buffered byte): an upload then leaves no large-object garbage, whose budget would
    // otherwise trigger full collections after a few uploads.
    private const int BufferChars = 32 * 1024;

    private readonly StreamReader reader = new(content, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: BufferChars, leaveOpen: true);
    private char[] buffer = new char[BufferChars];
    private int start, end;
    private bool eof;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var stop = pending.IndexOfAny('\r', '\n');
            if (stop >= 0 && (pending[stop] == '\n' || stop + 1 < pending.Length || eof))
            {
                line = pending[..stop];
                var skip = pending[stop] == '\r' && stop + 1 < pending.Length && pending[stop + 1] == '\n' ? 2 : 1;
                start += stop + skip;
                return true;
            }
            if (eof)
            {
                line = pending;
                start = end;
                return !pending.IsEmpty;
            }
            // No whole line (or a '\r' that a '\n' may follow) in the buffer: read on.
            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var read = reader.Read(buffer.AsSpan(end));
        if (read == 0) eof = true;
        end += read;
    }

    public void Dispose() => reader.Dispose();
}
