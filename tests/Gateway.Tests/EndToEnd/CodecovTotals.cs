using System.Globalization;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>The totals Codecov's own code computed for a fixture (its codecov-totals.json, "merged").</summary>
internal sealed record CodecovTotals(int Files, int Lines, int Hits, int Misses, int Partials, string Coverage)
{
    public static CodecovTotals Merged(string fixtureFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtureFolder, "codecov-totals.json")));
        var m = json.RootElement.GetProperty("merged");
        return new CodecovTotals(m.GetProperty("files").GetInt32(), m.GetProperty("lines").GetInt32(),
            m.GetProperty("hits").GetInt32(), m.GetProperty("misses").GetInt32(), m.GetProperty("partials").GetInt32(),
            m.GetProperty("coverage").GetString()!);
    }

    /// <summary>API v2 shows coverage floored to two decimals (codecov-semantics §1 "Rounding").</summary>
    public double ApiCoverage => Math.Floor(double.Parse(Coverage, CultureInfo.InvariantCulture) * 100) / 100;
}
