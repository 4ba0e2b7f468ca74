using System.Buffers;
using System.Runtime.CompilerServices;

namespace Codecov.Grains.Formats;

/// <summary>What <see cref="Utf8XmlScanner.Next"/> found.</summary>
internal enum XmlScan
{
    StartElement,
    EndElement,
    /// <summary>Character data holding something besides white space (white-space-only runs are skipped, as <c>IgnoreWhitespace</c> does).</summary>
    Text,
    EndOfDocument,
    /// <summary>Something outside the subset this scanner vouches for: the caller hands the document to <c>XmlReader</c>.</summary>
    Unsupported,
}

/// <summary>
/// A strict scanner for the plain shape machine-written XML reports take, reading UTF-8 bytes
/// without decoding them. It accepts only a subset of XML that it fully checks for
/// well-formedness: ASCII text, an optional <c>&lt;?xml version="1.0"?&gt;</c> declaration
/// (UTF-8 only), an optional <c>&lt;!DOCTYPE name SYSTEM "…"&gt;</c> without an internal subset,
/// comments, and elements whose names and attribute values need no decoding (no entity or
/// character references, no namespaces, no CDATA, no processing instructions). Anything else
/// ends the scan as <see cref="XmlScan.Unsupported"/> so the caller can fall back to the safe
/// <c>XmlReader</c>; the scanner never resolves or expands anything, so a DTD or entity cannot
/// do more here than there.
/// </summary>
internal sealed partial class Utf8XmlScanner(Stream stream)
{
    // Under the large-object threshold (85,000 bytes), so an upload leaves no large-object garbage.
    private const int InitialBuffer = 64 * 1024;
    private const int MaxBuffer = 16 * 1024 * 1024;

    // Control characters other than tab/LF/CR and every non-ASCII byte: text that would need decoding or checking.
    private static readonly SearchValues<byte> Undecodable = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b), .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);
    private static readonly SearchValues<byte> DoubleQuotedStop = SearchValues.Create("\"<&\t\n\r"u8);
    private static readonly SearchValues<byte> SingleQuotedStop = SearchValues.Create("'<&\t\n\r"u8);
    private static readonly SearchValues<byte> NameBytes = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"u8);
    private static readonly SearchValues<byte> TextStop = SearchValues.Create("&]"u8);

    private byte[] buffer = new byte[InitialBuffer];
    private int pos, end;
    private bool eof, started, rootSeen;
    private readonly List<(int Start, int Length)> open = [];
    private byte[] names = new byte[256];
    private int namesLength;
    private Attribute[] attributes = new Attribute[16];

    private enum Step { Done, NeedMore, Unsupported }

    private record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength);

    /// <summary>The current element's name (start and end elements) or the text (text).</summary>
    public ReadOnlySpan<byte> Value => buffer.AsSpan(valueStart, valueLength);
    private int valueStart, valueLength;

    /// <summary>The element depth, root = 0, as <c>XmlReader.Depth</c> gives it for elements.</summary>
    public int Depth { get; private set; }

    public bool IsEmptyElement { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>Comments seen so far (some callers must not let a comment split a text).</summary>
    public int Comments { get; private set; }

    public ReadOnlySpan<byte> AttributeName(int i) => buffer.AsSpan(attributes[i].NameStart, attributes[i].NameLength);

    public ReadOnlySpan<byte> AttributeValue(int i) => buffer.AsSpan(attributes[i].ValueStart, attributes[i].ValueLength);

    /// <summary>The value of the named attribute of the current element, or false when it has none.</summary>
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            if (!AttributeName(i).SequenceEqual(name)) continue;
            value = AttributeValue(i);
            return true;
        }
        value = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public XmlScan Next()
    {
        if (!started && !Start()) return XmlScan.Unsupported;
        while (true)
        {
            var step = TryToken(out var token);
            if (step == Step.Done)
            {
                if (token is { } found) return found;
                continue;
            }
            if (step == Step.Unsupported || !Fill()) return XmlScan.Unsupported;
        }
    }

    /// <summary>One token from <see cref="pos"/>; a null token is one the caller does not see (white space, a comment, the prolog).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Step TryToken(out XmlScan? token)
    {
        token = null;
        var data = buffer.AsSpan(pos, end - pos);
        if (data.IsEmpty)
        {
            if (!eof) return Step.NeedMore;
            // Cut short, or no root at all: XmlReader reports it, with its own words.
            if (open.Count > 0 || !rootSeen) return Step.Unsupported;
            token = XmlScan.EndOfDocument;
            return Step.Done;
        }
        if (data[0] != '<') return TextToken(data, ref token);
        if (data.Length < 2) return eof ? Step.Unsupported : Step.NeedMore;
        return data[1] switch
        {
            (byte)'/' => EndTag(data, ref token),
            (byte)'!' => Declaration(data),
            (byte)'?' => Step.Unsupported,
            _ => StartTag(data, ref token),
        };
    }

    private Step TextToken(ReadOnlySpan<byte> data, ref XmlScan? token)
    {
        var length = data.IndexOf((byte)'<');
        if (length < 0)
        {
            if (!eof) return Step.NeedMore;
            length = data.Length;
        }
        var text = data[..length];
        var blank = text.IndexOfAnyExcept(" \t\r\n"u8) < 0;
        if (!blank)
        {
            // Text outside the root, references and "]]>" are XmlReader's to judge.
            if (open.Count == 0 || text.IndexOfAny(TextStop) >= 0) return Step.Unsupported;
            valueStart = pos;
            valueLength = length;
            token = XmlScan.Text;
        }
        pos += length;
        return Step.Done;
    }

    private Step EndTag(ReadOnlySpan<byte> data, ref XmlScan? token)
    {
        var i = 2;
        var nameLength = data[i..].IndexOfAnyExcept(NameBytes);
        if (nameLength < 0) return eof ? Step.Unsupported : Step.NeedMore;
        var name = data.Slice(i, nameLength);
        i += nameLength;
        i = SkipSpace(data, i);
        if (i >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
        if (data[i] != '>' || open.Count == 0) return Step.Unsupported;
        var (start, length) = open[^1];
        if (!name.SequenceEqual(names.AsSpan(start, length))) return Step.Unsupported;
        open.RemoveAt(open.Count - 1);
        namesLength = start;
        Depth = open.Count;
        valueStart = pos + 2;
        valueLength = nameLength;
        pos += i + 1;
        token = XmlScan.EndElement;
        return Step.Done;
    }

    /// <summary><c>&lt;!--</c> comments anywhere, and one <c>&lt;!DOCTYPE</c> in the prolog.</summary>
    private Step Declaration(ReadOnlySpan<byte> data)
    {
        if (data.Length < 9) return eof ? Step.Unsupported : Step.NeedMore;
        if (data.StartsWith("<!--"u8))
        {
            var close = data[4..].IndexOf("--"u8);
            if (close < 0 || 4 + close + 2 >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
            // "--" may only close a comment.
            if (data[4 + close + 2] != '>') return Step.Unsupported;
            Comments++;
            pos += 4 + close + 3;
            return Step.Done;
        }
        if (!data.StartsWith("<!DOCTYPE"u8) || rootSeen) return Step.Unsupported;
        return DocumentType(data);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Step StartTag(ReadOnlySpan<byte> data, ref XmlScan? token)
    {
        // A second root, or a document that is nothing but its closed root, is XmlReader's to reject.
        if (open.Count == 0 && rootSeen) return Step.Unsupported;
        var i = 1;
        var nameLength = data[i..].IndexOfAnyExcept(NameBytes);
        if (nameLength < 0) return eof ? Step.Unsupported : Step.NeedMore;
        if (nameLength == 0 || !IsNameStart(data[i]) || IsReservedName(data.Slice(i, nameLength))) return Step.Unsupported;
        var nameStart = i;
        i += nameLength;
        var count = 0;
        while (true)
        {
            var spaced = SkipSpace(data, i);
            if (spaced >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
            var c = data[spaced];
            if (c == '>' || c == '/')
            {
                i = spaced;
                break;
            }
            // Attributes must be separated by white space.
            if (spaced == i) return Step.Unsupported;
            var step = ReadAttribute(data, spaced, count, out i);
            if (step != Step.Done) return step;
            count++;
        }
        var empty = data[i] == '/';
        if (empty)
        {
            if (i + 1 >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
            if (data[i + 1] != '>') return Step.Unsupported;
            i++;
        }
        for (var a = 1; a < count; a++)
        {
            // A repeated attribute makes the document malformed.
            for (var b = 0; b < a; b++)
                if (data.Slice(attributes[a].NameStart, attributes[a].NameLength).SequenceEqual(data.Slice(attributes[b].NameStart, attributes[b].NameLength)))
                    return Step.Unsupported;
        }
        for (var a = 0; a < count; a++)
        {
            attributes[a].NameStart += pos;
            attributes[a].ValueStart += pos;
        }
        AttributeCount = count;
        Depth = open.Count;
        IsEmptyElement = empty;
        valueStart = pos + nameStart;
        valueLength = nameLength;
        if (!empty) Push(data.Slice(nameStart, nameLength));
        rootSeen = true;
        pos += i + 1;
        token = XmlScan.StartElement;
        return Step.Done;
    }

    /// <summary>Reads <c>name="value"</c> at <paramref name="i"/>; offsets are stored relative to the token.</summary>
    private Step ReadAttribute(ReadOnlySpan<byte> data, int i, int index, out int next)
    {
        next = i;
        var nameLength = data[i..].IndexOfAnyExcept(NameBytes);
        if (nameLength < 0) return eof ? Step.Unsupported : Step.NeedMore;
        if (nameLength == 0 || !IsNameStart(data[i]) || IsReservedName(data.Slice(i, nameLength))) return Step.Unsupported;
        var nameStart = i;
        i = SkipSpace(data, i + nameLength);
        if (i >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
        if (data[i] != '=') return Step.Unsupported;
        i = SkipSpace(data, i + 1);
        if (i >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
        var quote = data[i];
        if (quote is not ((byte)'"' or (byte)'\'')) return Step.Unsupported;
        var stops = quote == '"' ? DoubleQuotedStop : SingleQuotedStop;
        var valueLength = 0;
        while (true)
        {
            var run = data[(i + 1 + valueLength)..].IndexOfAny(stops);
            if (run < 0) return eof ? Step.Unsupported : Step.NeedMore;
            valueLength += run;
            var stop = data[i + 1 + valueLength];
            if (stop == quote) break;
            // '<' is malformed and white space other than ' ' is normalised by XmlReader: its to read.
            // The five predefined entities are let through undecoded for values nobody reads
            // (coverlet's method signatures); a reader that needs a value with '&' gives up.
            if (stop != '&') return Step.Unsupported;
            var reference = PredefinedEntityLength(data[(i + 1 + valueLength)..]);
            if (reference < 0) return eof ? Step.Unsupported : Step.NeedMore;
            if (reference == 0) return Step.Unsupported;
            valueLength += reference;
        }
        if (index == attributes.Length) Array.Resize(ref attributes, index * 2);
        attributes[index] = new Attribute(nameStart, nameLength, i + 1, valueLength);
        next = i + 1 + valueLength + 1;
        return Step.Done;
    }

    /// <summary>The length of <c>&amp;lt;</c>, <c>&amp;gt;</c>, <c>&amp;amp;</c>, <c>&amp;quot;</c> or <c>&amp;apos;</c> at the start; 0 for anything else, -1 when cut short.</summary>
    private static int PredefinedEntityLength(ReadOnlySpan<byte> data)
    {
        var semicolon = data[..Math.Min(data.Length, 6)].IndexOf((byte)';');
        if (semicolon < 0) return data.Length < 6 ? -1 : 0;
        var name = data[1..semicolon];
        return name.SequenceEqual("lt"u8) || name.SequenceEqual("gt"u8) || name.SequenceEqual("amp"u8)
            || name.SequenceEqual("quot"u8) || name.SequenceEqual("apos"u8) ? semicolon + 1 : 0;
    }

    private void Push(ReadOnlySpan<byte> name)
    {
        if (namesLength + name.Length > names.Length) Array.Resize(ref names, Math.Max(names.Length * 2, namesLength + name.Length));
        name.CopyTo(names.AsSpan(namesLength));
        open.Add((namesLength, name.Length));
        namesLength += name.Length;
    }

    private static int SkipSpace(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r') i++;
        return i;
    }

    private static bool IsNameStart(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    /// <summary>Names starting with "xml" (xmlns, xml:space, …) carry meaning XmlReader checks.</summary>
    private static bool IsReservedName(ReadOnlySpan<byte> name) =>
        name.Length >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l';

    /// <summary>Moves the unread bytes to the front and reads more; false when there is nothing more to read or the buffer would grow too large.</summary>
    private bool Fill()
    {
        if (eof) return false;
        if (pos > 0)
        {
            buffer.AsSpan(pos, end - pos).CopyTo(buffer);
            end -= pos;
            pos = 0;
        }
        if (end == buffer.Length)
        {
            // One token larger than the buffer: a giant attribute or text run.
            if (buffer.Length >= MaxBuffer) return false;
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        var before = end;
        Read();
        return buffer.AsSpan(before, end - before).IndexOfAny(Undecodable) < 0;
    }

    private void Read()
    {
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0) eof = true;
        end += read;
    }
}
