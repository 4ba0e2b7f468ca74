using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Formats;

/// <summary>Checks a format against a fixture folder's codecov-totals.json.</summary>
public static class FixtureAssert
{
    /// <summary>Each upload's totals, and the merged totals (with branches, methods, sessions) for a single upload.</summary>
    public static void TotalsMatch(FixtureReport fixture, ICoverageFormat format)
    {
        foreach (var upload in fixture.Uploads)
        {
            var report = fixture.Parse(format, upload.Report);
            Assert.Equal(upload.Totals, FixtureTotals.Of(report.Totals, withCounts: false));
            if (fixture.Uploads.Count == 1) Assert.Equal(fixture.Merged, FixtureTotals.Of(report.Totals, withCounts: true));
        }
    }
}
