using Codecov.Grains.Notifications;

namespace Codecov.Grains.Tests.Notifications;

// codecov-semantics §1 "Rounding": quantize to 0.1**precision; up = CEILING, down = FLOOR, nearest = HALF_EVEN.
public sealed class CoverageRoundingTests
{
    [Theory]
    [InlineData(RoundingMode.Down, "85.659", "85.65")]
    [InlineData(RoundingMode.Up, "85.651", "85.66")]
    [InlineData(RoundingMode.Nearest, "85.655", "85.66")]
    [InlineData(RoundingMode.Nearest, "85.645", "85.64")]
    [InlineData(RoundingMode.Down, "-0.341", "-0.35")]
    [InlineData(RoundingMode.Down, "100", "100.00")]
    public void Rounding_follows_the_configured_strategy(RoundingMode mode, string value, string expected)
    {
        Assert.Equal(expected, new CoverageRounding(2, mode).Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Precision_sets_the_number_of_decimals()
    {
        Assert.Equal("94.1", new CoverageRounding(1).Format(94.17m));
        Assert.Equal("94", new CoverageRounding(0).Format(94.97m));
    }

    [Theory]
    [InlineData("1.2", "+1.20")]
    [InlineData("-0.35", "-0.35")]
    [InlineData("0", "+0.00")]
    public void Signed_changes_always_carry_a_sign(string value, string expected)
    {
        Assert.Equal(expected, CoverageRounding.Default.FormatSigned(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_negative_change_that_rounds_to_zero_keeps_its_minus_like_python_decimal()
    {
        Assert.Equal("-0.00", new CoverageRounding(2, RoundingMode.Up).FormatSigned(-0.001m));
    }

    [Fact]
    public void A_tiny_non_zero_value_renders_as_less_than_the_precision()
    {
        var rounding = CoverageRounding.Default;
        Assert.Equal("<0.01%", rounding.FormatNumber(0.004m, suffix: "%"));
        Assert.Equal("+<0.01%", rounding.FormatNumber(0.004m, plus: true, suffix: "%"));
        // Round down floors a small negative value to -0.01, which is not zero.
        Assert.Equal("-0.01%", rounding.FormatNumber(-0.004m, plus: true, suffix: "%"));
        Assert.Equal("-<0.01%", new CoverageRounding(2, RoundingMode.Nearest).FormatNumber(-0.004m, plus: true, suffix: "%"));
        Assert.Equal("\u00f8", rounding.FormatNumber(0m, ifZero: "\u00f8"));
    }

    [Fact]
    public void A_float_just_below_a_boundary_floors_below_it()
    {
        // float("85.3") - float("85.0") is 0.29999999999999716: Python floors it to 0.29.
        Assert.Equal("0.29", CoverageRounding.Default.Format(CoverageRounding.FromDouble(85.3 - 85.0)));
    }
}
