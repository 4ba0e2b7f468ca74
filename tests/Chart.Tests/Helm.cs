using System.Diagnostics;
using Codecov.Tests.Support;

namespace Codecov.Chart.Tests;

/// <summary>What one run of the helm binary printed, and how it ended.</summary>
public sealed record HelmResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"exit {ExitCode}\n{Error}\n{Output}";
}

/// <summary>
/// The real helm binary and the chart under <c>charts/codecov</c>. Tools come from
/// <c>tests/tools/chart-tools.sh</c> (run-all.sh runs it first; run here too, a no-op when installed).
/// </summary>
public static class Helm
{
    public const string Namespace = "codecov";

    private static readonly Lazy<(string Helm, string KubernetesModels)> Tools = new(InstallTools);

    public static string ChartDirectory { get; } = Path.Combine(BuildOutput.RepositoryRoot, "charts", "codecov");

    public static string ProductionValues { get; } = Path.Combine(ChartDirectory, "ci", "production-values.yaml");

    public static string KubernetesModels => Tools.Value.KubernetesModels;

    public static HelmResult Template(string release, params string[] valueArguments) =>
        Run(["template", release, ChartDirectory, "--namespace", Namespace, .. valueArguments]);

    /// <summary>Renders and parses; fails the test with helm's own message when rendering fails.</summary>
    public static RenderedChart Render(string release, params string[] valueArguments)
    {
        var result = Template(release, valueArguments);
        Assert.True(result.Succeeded, $"helm template failed: {result}");
        return RenderedChart.Parse(result.Output);
    }

    public static HelmResult Lint(params string[] valueArguments) =>
        Run(["lint", "--strict", ChartDirectory, .. valueArguments]);

    /// <summary>A client-only dry run: the release as <c>helm install</c> would create it, NOTES included, no cluster.</summary>
    public static HelmResult DryRunInstall(string release, params string[] valueArguments) =>
        Run(["install", release, ChartDirectory, "--namespace", Namespace, "--dry-run=client", .. valueArguments]);

    public static HelmResult Run(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Tools.Value.Helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Helm keeps caches and its repository list under these: never the developer's own.
        var home = Path.Combine(Path.GetTempPath(), "codecov-chart-tests-helm");
        start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
        start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
        start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        return RunToEnd(start);
    }

    internal static HelmResult RunToEnd(ProcessStartInfo start, string? input = null)
    {
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        process.WaitForExit();
        return new HelmResult(process.ExitCode, output.Result, error.Result);
    }

    private static (string, string) InstallTools()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(BuildOutput.RepositoryRoot, "tests", "tools", "chart-tools.sh"));
        var result = RunToEnd(start);
        if (!result.Succeeded) throw new InvalidOperationException($"tests/tools/chart-tools.sh failed: {result}");
        var paths = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
        return (paths["helm"], paths["kubernetes_models"]);
    }
}
