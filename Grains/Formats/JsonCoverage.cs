using Codecov.Grains.Reports;
using System.Globalization;
using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>Reads coverage values and line numbers out of JSON the way Python sees them.</summary>
internal static class JsonCoverage
{
    /// <summary>
    /// A JSON value as a Codecov coverage value: numbers are hit counts (<c>-1</c> skipped),
    /// <c>true</c> partial, <c>"c/t"</c> a branch fraction, a numeric string a count; anything else is not coverable.
    /// </summary>
    public static CoverageValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => Number(value),
        JsonValueKind.True => CoverageValue.Partial,
        JsonValueKind.String => Text(value.GetString()!),
        _ => CoverageValue.None,
    };

    /// <summary>A line number from a JSON number or numeric string, or null.</summary>
    public static long? LineNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String => ReportText.ParseInt(value.GetString()!),
        _ => null,
    };

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static CoverageValue Number(JsonElement value)
    {
        long hits;
        if (value.TryGetInt64(out var whole)) hits = whole;
        else
        {
            var d = value.GetDouble();
            hits = double.IsNaN(d) ? 0 : d >= long.MaxValue ? long.MaxValue : d <= long.MinValue ? long.MinValue : (long)d;
        }
        return hits == -1 ? CoverageValue.Skipped : CoverageValue.FromHits(hits);
    }

    private static CoverageValue Text(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0) return ReportText.ParseInt(text) is { } n ? (n == -1 ? CoverageValue.Skipped : CoverageValue.FromHits(n)) : CoverageValue.None;
        if (int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var covered)
            && int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            return CoverageValue.FromBranches(covered, total);
        return CoverageValue.None;
    }
}
