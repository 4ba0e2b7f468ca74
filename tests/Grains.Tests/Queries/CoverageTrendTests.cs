using Codecov.Grains.Queries;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Queries;

public sealed class CoverageTrendTests
{
    private static TotalsAt At(string when, string? coverage) =>
        new(DateTimeOffset.Parse(when, System.Globalization.CultureInfo.InvariantCulture), "sha", ReportTotals.Empty with { Coverage = coverage });

    [Fact]
    public void Weekly_buckets_start_on_timescales_monday_origin()
    {
        // 2024-05-08 is a Wednesday; TimescaleDB's time_bucket('7 days') starts weeks on Monday 2000-01-03.
        Assert.Equal(DateTimeOffset.Parse("2024-05-06T00:00:00Z"), CoverageTrend.BucketStart(DateTimeOffset.Parse("2024-05-08T13:00:00Z"), 7));
        Assert.Equal(DateTimeOffset.Parse("2024-05-08T00:00:00Z"), CoverageTrend.BucketStart(DateTimeOffset.Parse("2024-05-08T13:00:00Z"), 1));
    }

    [Fact]
    public void A_bucket_holds_the_min_max_and_mean_of_its_commits_and_skips_commits_without_lines()
    {
        var buckets = CoverageTrend.Buckets(
            [At("2024-05-06T01:00:00Z", "50"), At("2024-05-06T02:00:00Z", "70"), At("2024-05-06T03:00:00Z", null), At("2024-05-07T01:00:00Z", "90")],
            DateTimeOffset.Parse("2024-05-06T00:00:00Z"), 1);

        Assert.Equal(
            [new CoverageBucket(DateTimeOffset.Parse("2024-05-06T00:00:00Z"), 50, 70, 60, 2), new CoverageBucket(DateTimeOffset.Parse("2024-05-07T00:00:00Z"), 90, 90, 90, 1)],
            buckets);
    }

    [Fact]
    public void The_last_value_before_the_range_is_kept_only_when_the_first_bucket_has_none()
    {
        var from = DateTimeOffset.Parse("2024-05-06T00:00:00Z");
        var before = At("2024-05-01T00:00:00Z", "40");

        var gap = CoverageTrend.Buckets([before, At("2024-05-08T00:00:00Z", "60")], from, 1);
        var covered = CoverageTrend.Buckets([before, At("2024-05-06T05:00:00Z", "60")], from, 1);

        Assert.Equal([40.0, 60.0], gap.Select(b => b.Average));
        Assert.Equal([60.0], covered.Select(b => b.Average));
    }
}
