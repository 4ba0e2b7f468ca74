using System.Globalization;

namespace Codecov.Grains.Notifications;

/// <summary>The <c>coverage.round</c> strategies (codecov-semantics §1 "Rounding").</summary>
public enum RoundingMode
{
    Down,
    Up,
    Nearest,
}

/// <summary>
/// Codecov's <c>round_number</c> (<c>Decimal.quantize(Decimal("0.1") ** precision)</c>; up = CEILING,
/// down = FLOOR, nearest = HALF_EVEN) and the way Python prints the result.
/// </summary>
public sealed record CoverageRounding(int Precision = 2, RoundingMode Round = RoundingMode.Down)
{
    /// <summary>Site defaults: precision 2, round down (§1).</summary>
    public static CoverageRounding Default { get; } = new();

    // System.Decimal keeps at most 28 decimals; the schema allows 99, the docs 0–5.
    private int Places => Math.Clamp(Precision, 0, 28);

    public decimal Apply(decimal value) => Math.Round(value, Places, Round switch
    {
        RoundingMode.Up => MidpointRounding.ToPositiveInfinity,
        RoundingMode.Down => MidpointRounding.ToNegativeInfinity,
        _ => MidpointRounding.ToEven,
    });

    /// <summary><c>str(round_number(value))</c>: e.g. <c>"85.00"</c>; a negative value that rounds to zero prints <c>"-0.00"</c> as Python's Decimal does.</summary>
    public string Format(decimal value)
    {
        var rounded = Apply(value);
        var text = Math.Abs(rounded).ToString("F" + Places, CultureInfo.InvariantCulture);
        return value < 0 ? "-" + text : text;
    }

    /// <summary><c>f"{round_number(value):+}"</c>: <c>+1.20</c>, <c>-0.35</c>, <c>+0.00</c>.</summary>
    public string FormatSigned(decimal value)
    {
        var text = Format(value);
        return text.StartsWith('-') ? text : "+" + text;
    }

    /// <summary>Codecov's <c>get_minimum_precision</c> as text: <c>0.01</c> for precision 2.</summary>
    public string MinimumText => Places == 0 ? "1" : "0." + new string('0', Places - 1) + "1";

    /// <summary>
    /// The comment's <c>format_number_to_str</c>: null → <paramref name="ifNull"/>; zero → <paramref name="ifZero"/>;
    /// a non-zero value that rounds to zero → <c>&lt;0.01</c> (signed when <paramref name="plus"/>); else the rounded number.
    /// </summary>
    public string? FormatNumber(decimal? value, string? ifZero = null, string? ifNull = null, bool plus = false, string suffix = "")
    {
        if (value is not { } v) return ifNull;
        var rounded = Apply(v);
        if (ifZero is not null && v == 0) return ifZero;
        if (rounded == 0 && v != 0)
            return (plus && v > 0 ? "+" : v > 0 ? "" : "-") + "<" + MinimumText + suffix;
        var text = Format(v);
        if (plus && rounded > 0) text = "+" + text;
        return text + suffix;
    }

    /// <summary>Parses a coverage string (<c>"85.12345"</c>, <c>"100"</c>) as Python's <c>Decimal(str)</c>.</summary>
    public static decimal Parse(string coverage) => decimal.Parse(coverage, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Python's <c>Decimal(float)</c> is the exact binary value; 17 significant digits keep it on the same
    /// side of every rounding boundary, which a plain (15-digit) cast does not (0.3 − ε must floor to 0.29).
    /// </summary>
    public static decimal FromDouble(double value) =>
        decimal.Parse(value.ToString("G17", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Python's <c>Decimal(str(float))</c>: the shortest round-trip text of the float.</summary>
    public static decimal FromDoubleText(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
