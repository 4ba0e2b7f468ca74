namespace Codecov.Grains.Reports;

/// <summary>
/// Codecov's report totals (codecov-semantics §1 "Totals"). <see cref="Coverage"/> is the exact
/// string Codecov stores: <c>"100"</c>, <c>"0"</c>, a 5-decimal number, or null with no lines.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.ReportTotals")]
public sealed record ReportTotals(
    [property: Id(0)] int Files,
    [property: Id(1)] int Lines,
    [property: Id(2)] int Hits,
    [property: Id(3)] int Misses,
    [property: Id(4)] int Partials,
    [property: Id(5)] string? Coverage,
    [property: Id(6)] int Branches,
    [property: Id(7)] int Methods,
    [property: Id(8)] int Messages,
    [property: Id(9)] int Sessions,
    [property: Id(10)] int Complexity,
    [property: Id(11)] int ComplexityTotal,
    [property: Id(12)] int Diff)
{
    public static readonly ReportTotals Empty = new(0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0);
}
