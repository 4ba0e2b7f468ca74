using System.Security.Cryptography;
using System.Text;

namespace Codecov.Grains.Storage;

/// <summary>
/// Turns a grain id or state name into one safe file name: letters, digits, <c>-</c>, <c>_</c> and
/// inner dots are kept, everything else becomes <c>%XX</c> of its UTF-8 bytes, so distinct ids give
/// distinct names. Names past the file-system limit keep a readable prefix plus a SHA-256 of the whole.
/// </summary>
internal static class GrainFileName
{
    private const int MaxLength = 200;

    public static string Of(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var escaped = Escape(id);
        if (escaped.Length <= MaxLength) return escaped;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return escaped[..(MaxLength - hash.Length - 1)] + "~" + hash;
    }

    private static string Escape(string id)
    {
        var builder = new StringBuilder(id.Length + 16);
        var bytes = Encoding.UTF8.GetBytes(id);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            // A leading dot is escaped so no name is hidden, "." or "..", or looks like a temp file.
            var keep = char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' || (b == (byte)'.' && i > 0);
            if (keep) builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }
}
