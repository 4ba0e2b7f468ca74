namespace Codecov.Grains.Formats;

/// <summary>The prolog <see cref="Utf8XmlScanner"/> accepts: a byte order mark, the XML declaration, a DOCTYPE without an internal subset.</summary>
internal sealed partial class Utf8XmlScanner
{
    /// <summary>A UTF-8 byte order mark, then the XML declaration if any (which must come first).</summary>
    private bool Start()
    {
        started = true;
        while (end < 64 && !eof) Read();
        if (buffer.AsSpan(0, end).StartsWith("\xEF\xBB\xBF"u8)) pos = 3;
        if (buffer.AsSpan(pos, end - pos).IndexOfAny(Undecodable) >= 0) return false;
        if (!buffer.AsSpan(pos, end - pos).StartsWith("<?xml"u8)) return true;
        return XmlDeclaration();
    }

    /// <summary>
    /// <c>&lt;?xml version="1.0" [encoding="utf-8"] [standalone="yes|no"]?&gt;</c> in that order,
    /// with no white space around '=': any other declaration is XmlReader's to read.
    /// </summary>
    private bool XmlDeclaration()
    {
        var close = buffer.AsSpan(pos, end - pos).IndexOf("?>"u8);
        if (close < 0) return false;
        var rest = buffer.AsSpan(pos + 5, close - 5);
        pos += close + 2;
        var expect = 0;
        while (true)
        {
            var trimmed = rest.TrimStart(" \t\r\n"u8);
            if (trimmed.IsEmpty) return expect > 0;
            // Pseudo-attributes are separated by white space.
            if (trimmed.Length == rest.Length) return false;
            var equals = trimmed.IndexOf((byte)'=');
            if (equals <= 0 || equals + 1 >= trimmed.Length || trimmed[equals + 1] is not ((byte)'"' or (byte)'\'')) return false;
            var quote = trimmed[equals + 1];
            var length = trimmed[(equals + 2)..].IndexOf(quote);
            if (length < 0) return false;
            var name = trimmed[..equals];
            var value = trimmed.Slice(equals + 2, length);
            if (expect == 0 && name.SequenceEqual("version"u8) && value.SequenceEqual("1.0"u8)) expect = 1;
            else if (expect == 1 && name.SequenceEqual("encoding"u8) && Ascii(value).Equals("utf-8", StringComparison.OrdinalIgnoreCase)) expect = 2;
            else if (expect is 1 or 2 && name.SequenceEqual("standalone"u8) && (value.SequenceEqual("yes"u8) || value.SequenceEqual("no"u8))) expect = 3;
            else return false;
            rest = trimmed[(equals + 2 + length + 1)..];
        }
    }

    private static string Ascii(ReadOnlySpan<byte> text) => System.Text.Encoding.ASCII.GetString(text);

    /// <summary><c>&lt;!DOCTYPE name SYSTEM "literal"&gt;</c> or <c>&lt;!DOCTYPE name&gt;</c>: skipped, as <c>DtdProcessing.Ignore</c> skips it.</summary>
    private Step DocumentType(ReadOnlySpan<byte> data)
    {
        var i = 9;
        var afterKeyword = SkipSpace(data, i);
        if (afterKeyword == i) return data.Length > i || eof ? Step.Unsupported : Step.NeedMore;
        i = afterKeyword;
        var nameLength = data[i..].IndexOfAnyExcept(NameBytes);
        if (nameLength < 0) return eof ? Step.Unsupported : Step.NeedMore;
        if (nameLength == 0 || !IsNameStart(data[i])) return Step.Unsupported;
        i = SkipSpace(data, i + nameLength);
        if (data[i..].StartsWith("SYSTEM"u8))
        {
            var afterSystem = SkipSpace(data, i + 6);
            if (afterSystem >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
            if (afterSystem == i + 6) return Step.Unsupported;
            i = afterSystem;
            var quote = data[i];
            if (quote is not ((byte)'"' or (byte)'\'')) return Step.Unsupported;
            var length = data[(i + 1)..].IndexOf(quote);
            if (length < 0) return eof ? Step.Unsupported : Step.NeedMore;
            i = SkipSpace(data, i + 1 + length + 1);
        }
        if (i >= data.Length) return eof ? Step.Unsupported : Step.NeedMore;
        // An internal subset or a PUBLIC identifier is XmlReader's to read.
        if (data[i] != '>') return Step.Unsupported;
        pos += i + 1;
        return Step.Done;
    }
}
