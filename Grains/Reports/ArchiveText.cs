using System.Globalization;
using System.Text;

namespace Codecov.Grains.Reports;

/// <summary>
/// %-escaping for free text in a <see cref="ReportArchive"/> (paths, branch ids): only the archive's
/// separators, <c>%</c> and control characters are escaped, so ordinary paths are written as they are.
/// </summary>
internal static class ArchiveText
{
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Special) && !HasControl(text)) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (NeedsEscape(c)) builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>; returns null on a malformed escape.</summary>
    public static string? Unescape(string text)
    {
        if (!text.Contains('%')) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%') { builder.Append(text[i]); continue; }
            if (i + 2 >= text.Length) return null;
            if (!byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)) return null;
            builder.Append((char)code);
            i += 2;
        }
        return builder.ToString();
    }

    private const string Special = "% ,;|";

    private static bool NeedsEscape(char c) => c < 0x20 || c == 0x7F || Special.Contains(c);

    private static bool HasControl(string text)
    {
        foreach (var c in text) if (c < 0x20 || c == 0x7F) return true;
        return false;
    }
}
