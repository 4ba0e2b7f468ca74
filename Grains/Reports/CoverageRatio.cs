using System.Globalization;

namespace Codecov.Grains.Reports;

/// <summary>Codecov's <c>ratio(x, y)</c>: "100" when equal, "0" when either is 0, else 5 decimals.</summary>
public static class CoverageRatio
{
    public static string Of(long hits, long lines)
    {
        if (hits == lines) return "100";
        if (hits == 0 || lines == 0) return "0";
        // Python: "%.5f" % round(x / y * 100, 5). Decimal keeps the half-even rounding exact.
        var value = Math.Round((decimal)hits / lines * 100m, 5, MidpointRounding.ToEven);
        return value.ToString("F5", CultureInfo.InvariantCulture);
    }
}
