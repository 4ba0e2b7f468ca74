namespace Codecov.Chart.Tests;

/// <summary>
/// The two value sets every property is checked on: the chart's defaults (release <c>codecov</c>) and
/// the production-like <c>ci/production-values.yaml</c> (release <c>blue</c>). Each is rendered once.
/// </summary>
public static class Renders
{
    public const string Defaults = "defaults";
    public const string Production = "production";

    private static readonly Lazy<RenderedChart> DefaultChart = new(() => Helm.Render("codecov"));
    private static readonly Lazy<RenderedChart> ProductionChart = new(() => Helm.Render("blue", ProductionArguments));

    public static string[] ProductionArguments => ["--values", Helm.ProductionValues];

    public static TheoryData<string> ValueSets => new() { Defaults, Production };

    public static RenderedChart Of(string valueSet) => valueSet switch
    {
        Defaults => DefaultChart.Value,
        Production => ProductionChart.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(valueSet), valueSet, null),
    };

    public static string[] ArgumentsOf(string valueSet) => valueSet == Production ? ProductionArguments : [];

    /// <summary>Writes values to a temporary file for <c>--values</c>, for keys that <c>--set</c> cannot spell.</summary>
    public static string ValuesFile(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"codecov-chart-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
