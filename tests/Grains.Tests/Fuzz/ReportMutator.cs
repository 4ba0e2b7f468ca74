using System.Text;

namespace Codecov.Grains.Tests.Fuzz;

/// <summary>
/// A deterministic mutator: the same seed always gives the same mutant. It applies one to four
/// edits of the kinds that break parsers — bit flips, inserted bytes and tokens, deleted ranges,
/// duplicated chunks, a splice with another report, truncation, and numbers swapped for hostile ones.
/// </summary>
public sealed class ReportMutator(int seed)
{
    /// <summary>Mutants stay small enough that a run of thousands stays quick.</summary>
    private const int MaxGrowth = 64 * 1024;

    private static readonly byte[][] Tokens = new[]
    {
        "<", ">", "</", "/>", "\"", "'", "&", "&amp;", "&#0;", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY e \"ee\">]>", "&e;",
        "{", "}", "[", "]", ":", ",", "null", "true", "false", "\\u0000", "\\ud800", "\n", "\r\n", "\t", " ",
        "end_of_record\n", "SF:", "DA:", "BRDA:", "FN:", "FNDA:", "mode: set\n", ":", ".", "|", "#####", "-", "*",
        "0:Source:", "branch ", "taken ", "never executed", "function ", "../", "/", "C:\\", "\\",
    }.Select(t => Encoding.UTF8.GetBytes(t)).Concat([[0], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]).ToArray();

    private static readonly string[] Numbers =
    [
        "0", "-0", "-1", "-2", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999",
        "10000000", "10000001", "1e309", "-1e309", "1.5", "0.5", "NaN", "Infinity", "1e3", "0x10", "+5", " 7 ", "",
    ];

    private readonly Random random = new(seed);

    /// <summary>Picks a seed input and mutates it, splicing with another seed now and then.</summary>
    public byte[] Mutate(IReadOnlyList<FuzzSeed> seeds)
    {
        var data = seeds[random.Next(seeds.Count)].Content;
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits; i++) data = Edit(data, seeds[random.Next(seeds.Count)].Content);
        return data;
    }

    private byte[] Edit(byte[] data, byte[] other) => random.Next(8) switch
    {
        0 => FlipBits(data),
        1 => Insert(data, Tokens[random.Next(Tokens.Length)]),
        2 => Insert(data, RandomBytes(1 + random.Next(8))),
        3 => Delete(data),
        4 => DuplicateChunk(data),
        5 => Splice(data, other),
        6 => Truncate(data),
        _ => MutateNumber(data),
    };

    private byte[] FlipBits(byte[] data)
    {
        if (data.Length == 0) return data;
        var copy = (byte[])data.Clone();
        var flips = 1 + random.Next(4);
        for (var i = 0; i < flips; i++) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] Insert(byte[] data, byte[] bytes)
    {
        var at = random.Next(data.Length + 1);
        return [.. data.AsSpan(0, at), .. bytes, .. data.AsSpan(at)];
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Delete(byte[] data)
    {
        if (data.Length == 0) return data;
        var at = random.Next(data.Length);
        var length = Math.Min(data.Length - at, 1 + random.Next(Math.Min(256, data.Length)));
        return [.. data.AsSpan(0, at), .. data.AsSpan(at + length)];
    }

    private byte[] DuplicateChunk(byte[] data)
    {
        if (data.Length == 0) return data;
        var at = random.Next(data.Length);
        var length = Math.Min(data.Length - at, 1 + random.Next(Math.Min(MaxGrowth, data.Length)));
        var times = 1 + random.Next(3);
        var chunk = data.AsSpan(at, length).ToArray();
        var result = new List<byte>(data.Length + (chunk.Length * times));
        result.AddRange(data.AsSpan(0, at + length));
        for (var i = 0; i < times; i++) result.AddRange(chunk);
        result.AddRange(data.AsSpan(at + length));
        return [.. result];
    }

    /// <summary>The head of one report joined to the tail of another.</summary>
    private byte[] Splice(byte[] data, byte[] other)
    {
        var cut = random.Next(data.Length + 1);
        var from = random.Next(other.Length + 1);
        return [.. data.AsSpan(0, cut), .. other.AsSpan(from)];
    }

    private byte[] Truncate(byte[] data) => data.Length == 0 ? data : data[..random.Next(data.Length)];

    /// <summary>Replaces a run of digits (with its sign) by a number chosen to overflow, underflow or not parse.</summary>
    private byte[] MutateNumber(byte[] data)
    {
        var start = Array.FindIndex(data, random.Next(Math.Max(1, data.Length)), b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0) start = Array.FindIndex(data, b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0) return Insert(data, Encoding.ASCII.GetBytes(Numbers[random.Next(Numbers.Length)]));
        if (start > 0 && data[start - 1] == (byte)'-') start--;
        var end = start + 1;
        while (end < data.Length && data[end] is >= (byte)'0' and <= (byte)'9') end++;
        var replacement = Encoding.ASCII.GetBytes(Numbers[random.Next(Numbers.Length)]);
        return [.. data.AsSpan(0, start), .. replacement, .. data.AsSpan(end)];
    }
}
