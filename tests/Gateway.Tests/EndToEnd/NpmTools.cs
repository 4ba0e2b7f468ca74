using System.Diagnostics;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>Installs the real Codecov clients from the npm registry into the test tool cache, once.</summary>
internal static class NpmTools
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Prefix => Path.Combine(TestPaths.ToolCache, "npm");

    /// <summary>The path of the package's folder after making sure that exact version is installed.</summary>
    public static async Task<string> EnsureAsync(string package, string version)
    {
        var folder = Path.Combine(Prefix, "node_modules", package);
        await Gate.WaitAsync();
        try
        {
            var manifest = Path.Combine(folder, "package.json");
            if (File.Exists(manifest) && (await File.ReadAllTextAsync(manifest)).Contains($"\"version\": \"{version}\"")) return folder;
            Directory.CreateDirectory(Prefix);
            var result = await ProcessRunner.RunAsync("npm",
                ["install", "--no-audit", "--no-fund", "--prefix", Prefix, $"{package}@{version}"], Prefix, TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0)
                throw new InvalidOperationException($"npm install {package}@{version} failed ({result.ExitCode}):\n{result.Output}");
            return folder;
        }
        finally
        {
            Gate.Release();
        }
    }
}

internal sealed record ProcessResult(int ExitCode, string Output);

internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} took longer than {timeout}");
        }
        return new ProcessResult(process.ExitCode, await stdout + await stderr);
    }
}
