using Codecov.Gateway.Api;

namespace Codecov.Gateway.Tests.Api;

public sealed class ApiMappingTests
{
    [Theory]
    [InlineData("85.71429", 85.71)]
    [InlineData("66.66667", 66.66)]
    [InlineData("99.99999", 99.99)]
    [InlineData("100", 100.0)]
    [InlineData("0", 0.0)]
    public void Coverage_is_floored_to_two_decimals(string stored, double expected) =>
        Assert.Equal(expected, ApiMapping.FloorCoverage(stored));

    [Fact]
    public void Report_without_lines_has_no_coverage() => Assert.Null(ApiMapping.FloorCoverage(null));

    [Fact]
    public void Complexity_ratio_matches_codecovs_api() =>
        // Codecov's own API test: complexity 10 of total 2 gives 500.0; no total gives 0.
        Assert.Equal((500.0, 0.0), (ApiMapping.ComplexityRatio(10, 2), ApiMapping.ComplexityRatio(0, 0)));

    [Fact]
    public void Line_coverage_pairs_line_number_and_state()
    {
        var file = new Codecov.Grains.Commits.FileCoverage(
            "a.py", Codecov.Grains.Reports.ReportTotals.Empty,
            [new Codecov.Grains.Commits.LineCoverage(1, 0), new Codecov.Grains.Commits.LineCoverage(3, 2)]);
        Assert.Equal([[1, 0], [3, 2]], ApiMapping.File(file).LineCoverage);
    }
}
