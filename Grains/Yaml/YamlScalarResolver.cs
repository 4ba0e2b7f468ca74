using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>
/// Types plain scalars the way PyYAML's <c>safe_load</c> (YAML 1.1) does, because Codecov validates
/// what PyYAML produced: <c>yes</c>/<c>on</c> are booleans, <c>1e3</c> is a string, <c>0o17</c>-style
/// octal is <c>017</c>. Quoted scalars are always strings.
/// </summary>
internal static partial class YamlScalarResolver
{
    public static YamlScalar Resolve(string text, bool plain, string? tag, YamlPosition position)
    {
        if (tag is "tag:yaml.org,2002:str" or "!!str") return YamlScalar.String(text, position);
        if (!plain && tag is null) return YamlScalar.String(text, position);
        if (NullText().IsMatch(text)) return YamlScalar.Null(position);
        if (TrueText().IsMatch(text)) return YamlScalar.Bool(true, position);
        if (FalseText().IsMatch(text)) return YamlScalar.Bool(false, position);
        if (IntText().IsMatch(text) && TryInt(text, out var integer)) return YamlScalar.Int(integer, position);
        if (FloatText().IsMatch(text)) return YamlScalar.Float(ParseFloat(text), position);
        return YamlScalar.String(text, position);
    }

    private static bool TryInt(string text, out long value)
    {
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        var negative = digits.StartsWith('-');
        digits = digits.TrimStart('-', '+');
        var (radix, body) = digits switch
        {
            _ when digits.StartsWith("0b", StringComparison.Ordinal) => (2, digits[2..]),
            _ when digits.StartsWith("0x", StringComparison.Ordinal) => (16, digits[2..]),
            _ when digits.Length > 1 && digits[0] == '0' => (8, digits[1..]),
            _ => (10, digits),
        };
        value = 0;
        try
        {
            value = radix == 10
                ? long.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture)
                : Convert.ToInt64(body, radix);
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException)
        {
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    private static double ParseFloat(string text)
    {
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        var lower = clean.ToLowerInvariant();
        if (lower.EndsWith(".inf", StringComparison.Ordinal))
            return lower.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        if (lower == ".nan") return double.NaN;
        return double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullText();

    [GeneratedRegex(@"^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$")]
    private static partial Regex TrueText();

    [GeneratedRegex(@"^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$")]
    private static partial Regex FalseText();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$")]
    private static partial Regex IntText();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatText();
}
