using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// The real Gateway executable in embedded mode, on a loopback port, with its own data directory.
/// Restarting keeps the data directory, so a test can prove that nothing is lost.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private Process? process;

    public GatewayProcess(IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("codecov-e2e-").FullName;
        Port = FreePort.Next();
        environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataDirectory"] = DataDirectory,
            ["Codecov__GlobalUploadToken"] = GlobalToken,
            ["Codecov__AdminToken"] = AdminToken,
            ["Embedded__SiloPort"] = FreePort.Next().ToString(),
            ["Embedded__GatewayPort"] = FreePort.Next().ToString(),
            // The fixtures were generated earlier; Codecov would reject them as too old (protocol §10.8).
            ["Processing__MaxReportAgeHours"] = "0",
            // No git provider here; notification tests bring their own loopback GitHub.
            ["Notifications__Enabled"] = "false",
            ["Webhooks__GitHubSecret"] = WebhookSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public string GlobalToken { get; } = "global-" + Guid.NewGuid().ToString("N");
    public string AdminToken { get; } = "admin-" + Guid.NewGuid().ToString("N");
    public string WebhookSecret { get; } = "hook-" + Guid.NewGuid().ToString("N");

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>
    /// Starts the process; when a port picked as free was taken meanwhile (other test projects run in
    /// parallel), picks new ports and tries again.
    /// </summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 4 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                Port = FreePort.Next();
                environment["ASPNETCORE_URLS"] = BaseUrl;
                environment["Embedded__SiloPort"] = FreePort.Next().ToString();
                environment["Embedded__GatewayPort"] = FreePort.Next().ToString();
                lock (output) output.Clear();
            }
        }
    }

    private async Task StartOnceAsync()
    {
        if (!File.Exists(TestPaths.GatewayAssembly))
            throw new InvalidOperationException($"Build the solution first: {TestPaths.GatewayAssembly} is missing.");

        var start = new ProcessStartInfo("dotnet", [TestPaths.GatewayAssembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process?.Dispose();
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Stops the process as an operator would (SIGTERM), waiting for a graceful exit.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            _ = Posix.kill(process.Id, Posix.SIGTERM);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        }
        process.Dispose();
        process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException($"Gateway exited with {process.ExitCode}:\n{Output}");
            try
            {
                var response = await http.GetAsync($"{BaseUrl}/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Gateway did not become ready within 60 s:\n{Output}");
    }
}

internal static partial class Posix
{
    public const int SIGTERM = 15;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int signal);
}
