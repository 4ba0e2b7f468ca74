namespace Codecov.Grains.Formats;

/// <summary>
/// Strings for short ASCII values that a report repeats on line after line (<c>hits="224"</c>,
/// <c>branch="true"</c>, <c>condition-coverage="50% (1/2)"</c>, condition ids): the same text gives
/// the same string instance, so a large report does not allocate one string per attribute.
/// </summary>
/// <remarks>
/// A direct-mapped table: a slot holds the last string that hashed there, and a collision only
/// costs a fresh string. Strings are immutable, so sharing them changes no result.
/// </remarks>
internal sealed class AsciiStringCache
{
    private const int Slots = 1024;
    private const int MaxLength = 32;

    private readonly string?[] table = new string?[Slots];

    /// <summary>The string for <paramref name="ascii"/>, which must hold ASCII bytes only.</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxLength) return System.Text.Encoding.ASCII.GetString(ascii);
        var slot = (int)(Hash(ascii) & (Slots - 1));
        var cached = table[slot];
        if (cached is not null && Same(cached, ascii)) return cached;
        return table[slot] = System.Text.Encoding.ASCII.GetString(ascii);
    }

    /// <summary>The string for <c>{first}:{second}</c> (a condition's <c>number:type</c>), both ASCII.</summary>
    public string GetJoined(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var length = first.Length + 1 + second.Length;
        if (length > MaxLength) return string.Concat(Get(first), ":", Get(second));
        Span<byte> joined = stackalloc byte[length];
        first.CopyTo(joined);
        joined[first.Length] = (byte)':';
        second.CopyTo(joined[(first.Length + 1)..]);
        return Get(joined);
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: cheap for values of a few bytes.
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash ^ (hash >> 15);
    }

    private static bool Same(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length) return false;
        for (var i = 0; i < ascii.Length; i++)
            if (text[i] != ascii[i]) return false;
        return true;
    }
}
