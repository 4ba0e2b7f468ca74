using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Codecov.Tests.Support;

/// <summary>
/// One real product process (<c>dotnet &lt;assembly&gt;</c>) on loopback, ready once its <c>/health/ready</c>
/// answers 200. It can be stopped as an operator would (SIGTERM), killed (SIGKILL) and started again
/// with the same settings. Shared by the end-to-end and cluster fault tests (linked into both projects).
/// </summary>
public sealed class ServiceProcess(string name, string assembly, string workingDirectory, int httpPort) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder output = new();
    private Process? process;

    public string Name { get; } = name;

    /// <summary>Environment of the next start; change it between a stop and a start to reconfigure.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Settable between a failed start and the next, when the port was taken meanwhile.</summary>
    public int HttpPort { get; set; } = httpPort;

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public bool IsRunning => process is { HasExited: false };

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>Starts the process and waits until it reports ready.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(assembly)) throw new InvalidOperationException($"Build the solution first: {assembly} is missing.");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        Append($"---- {Name} starting at {DateTime.UtcNow:O}");
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>
    /// Starts the process; when a port picked as free was taken meanwhile (test projects run in
    /// parallel), stops it, lets <paramref name="repickPorts"/> choose new ones and tries again.
    /// </summary>
    public async Task StartOnFreePortsAsync(Action<ServiceProcess> repickPorts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 4 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                await StopAsync();
                HttpPort = FreePort.Next();
                repickPorts(this);
            }
        }
    }

    /// <summary>SIGTERM, then waits for the graceful exit (SIGKILL past <paramref name="grace"/>).</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            _ = Posix.kill(process.Id, Posix.SIGTERM);
            await WaitForExitAsync(grace ?? TimeSpan.FromSeconds(30));
        }
        Forget();
    }

    /// <summary>Sends SIGTERM and returns at once, for a test that watches the drain.</summary>
    public void Terminate()
    {
        if (process is { HasExited: false }) _ = Posix.kill(process.Id, Posix.SIGTERM);
    }

    /// <summary><c>kill -9</c>: no chance to hand anything over.</summary>
    public async Task KillAsync()
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            _ = Posix.kill(process.Id, Posix.SIGKILL);
            await process.WaitForExitAsync();
        }
        Append($"---- {Name} killed at {DateTime.UtcNow:O}");
        Forget();
    }

    /// <summary>Waits for an exit already asked for; SIGKILL when it takes longer than <paramref name="grace"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan grace)
    {
        if (process is null) return;
        using var timeout = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            Append($"---- {Name} did not exit within {grace}: killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The HTTP status of <paramref name="path"/>, or null when nothing answers.</summary>
    public async Task<HttpStatusCode?> ProbeAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(BaseUrl + path);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Forget()
    {
        process?.Dispose();
        process = null;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Output}");
            if (await ProbeAsync("/health/ready") == HttpStatusCode.OK) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not become ready within {ReadyTimeout}:\n{Output}");
    }
}

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Where the repository and the built product live, seen from a test assembly.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The product assembly of <paramref name="project"/>, built in the same configuration as the tests.</summary>
    public static string Assembly(string project, string assemblyName)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot, project, "bin", configuration, "net10.0", assemblyName + ".dll");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codecov.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Codecov.sln not found above " + AppContext.BaseDirectory);
    }
}

internal static partial class Posix
{
    public const int SIGTERM = 15;
    public const int SIGKILL = 9;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int signal);
}
