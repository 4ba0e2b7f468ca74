using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Codecov.Storage.Tests.Servers;

/// <summary>
/// A throwaway server started through <c>tests/servers/&lt;name&gt;.sh</c> on a free loopback port, or
/// the one an environment variable points at. When it cannot start, the failure names the exact command.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly string? script;
    private readonly string? directory;

    private TestServer(string host, int port, string? script, string? directory)
    {
        Host = host;
        Port = port;
        this.script = script;
        this.directory = directory;
    }

    public string Host { get; }

    public int Port { get; }

    public string Endpoint => $"{Host}:{Port}";

    /// <summary>Uses <paramref name="environmentVariable"/> (host:port) when set, otherwise starts <c>tests/servers/{name}.sh</c>.</summary>
    public static async Task<TestServer> StartAsync(string name, string environmentVariable)
    {
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } given)
        {
            var colon = given.LastIndexOf(':');
            return new TestServer(given[..colon], int.Parse(given[(colon + 1)..]), null, null);
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "servers", name + ".sh");
        var directory = Directory.CreateTempSubdirectory($"codecov-{name}-").FullName;
        var port = FreePort();
        var command = $"bash {script} start {directory} {port}";
        var (exitCode, output) = await RunAsync(script, "start", directory, port.ToString());
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not start {name} for the storage tests. Run it yourself and point {environmentVariable} at it:\n" +
                $"  {command}\n  export {environmentVariable}=127.0.0.1:{port}\nScript output:\n{output}");
        }
        return new TestServer("127.0.0.1", port, script, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (script is null || directory is null) return;
        await RunAsync(script, "stop", directory);
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codecov.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Codecov.sln not found above " + AppContext.BaseDirectory);
    }
}
