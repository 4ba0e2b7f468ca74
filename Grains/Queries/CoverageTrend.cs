using System.Globalization;

namespace Codecov.Grains.Queries;

/// <summary>
/// Codecov's coverage timeseries (API v2 <c>coverage/</c>): commits grouped into buckets of N days and
/// summarised by min, max and mean coverage. Buckets start at TimescaleDB's <c>time_bucket</c> origin,
/// Monday 2000-01-03 UTC, so a 7-day bucket is a Monday-to-Sunday week and a 1-day bucket a UTC day.
/// </summary>
public static class CoverageTrend
{
    public static readonly DateTimeOffset Origin = new(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Buckets the points of [<paramref name="from"/>, ...]; a point before <paramref name="from"/> (the one the
    /// index adds) is kept only when the range's first bucket would otherwise start without a value.
    /// </summary>
    public static IReadOnlyList<CoverageBucket> Buckets(IEnumerable<TotalsAt> points, DateTimeOffset from, int bucketDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketDays, 1);
        var measured = points
            .Select(p => (p.At, Coverage: Parse(p.Totals.Coverage)))
            .Where(p => p.Coverage is not null)
            .OrderBy(p => p.At)
            .ToList();
        var firstBucket = BucketStart(from, bucketDays);
        var inRange = measured.Where(p => p.At >= from).ToList();
        if (inRange.Count == 0 || BucketStart(inRange[0].At, bucketDays) > firstBucket)
            inRange.InsertRange(0, measured.Where(p => p.At < from).TakeLast(1));
        return inRange
            .GroupBy(p => BucketStart(p.At, bucketDays))
            .Select(g => new CoverageBucket(g.Key, g.Min(p => p.Coverage!.Value), g.Max(p => p.Coverage!.Value),
                g.Average(p => p.Coverage!.Value), g.Count()))
            .ToList();
    }

    public static DateTimeOffset BucketStart(DateTimeOffset at, int bucketDays)
    {
        var width = TimeSpan.FromDays(bucketDays).Ticks;
        var offset = (at.UtcTicks - Origin.UtcTicks) % width;
        if (offset < 0) offset += width;
        return new DateTimeOffset(at.UtcTicks - offset, TimeSpan.Zero);
    }

    private static double? Parse(string? coverage) =>
        double.TryParse(coverage, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
