using System.Diagnostics;
using Codecov.Tests.Support;
using Npgsql;

namespace Codecov.Cluster.Tests.Faults;

/// <summary>Runs the test server scripts (tests/servers/*.sh) and other server commands.</summary>
internal static class ServerCommands
{
    public static string Script(string name) => Path.Combine(BuildOutput.RepositoryRoot, "tests", "servers", name + ".sh");

    /// <summary>Runs a command; a non-zero exit fails with its output and the command line to try by hand.</summary>
    public static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{await stdout}{await stderr}");
        }
        return await stdout;
    }
}

/// <summary>
/// A PostgreSQL server of a test's own (tests/servers/postgres.sh), which it may stop and start again
/// on the same data directory; the shared one of the run serves other tests and is not restarted.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string directory;
    private readonly int port;

    private PostgresServer(string connectionString, string directory, int port)
    {
        ConnectionString = connectionString;
        this.directory = directory;
        this.port = port;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> OwnAsync()
    {
        var directory = Directory.CreateTempSubdirectory("codecov-faults-pg-").FullName;
        var port = FreePort.Next();
        var output = await ServerCommands.RunAsync("bash", ServerCommands.Script("postgres"), "start", directory, port.ToString());
        return new PostgresServer(output.Trim().Split('\n')[^1], directory, port);
    }

    /// <summary>Fast shutdown (only for a server of our own).</summary>
    public Task StopAsync() => ServerCommands.RunAsync("bash", ServerCommands.Script("postgres"), "stop", directory);

    /// <summary>Starts the stopped server again on the same data directory and port, with postgres.sh's settings.</summary>
    public Task StartAgainAsync() => ServerCommands.RunAsync("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl",
        "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await StopAsync(); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

}

/// <summary>
/// A Redis server of a test's own, which it may stop and start again. It writes an append-only file
/// synced on every write, as a production Redis holding grain state would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string directory;

    private RedisServer(string endpoint, string directory)
    {
        Endpoint = endpoint;
        this.directory = directory;
    }

    public string Endpoint { get; }

    public static async Task<RedisServer> OwnDurableAsync()
    {
        var server = new RedisServer($"127.0.0.1:{FreePort.Next()}", Directory.CreateTempSubdirectory("codecov-faults-redis-").FullName);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>SIGTERM through redis.sh: Redis flushes its append-only file and exits.</summary>
    public Task StopAsync() => ServerCommands.RunAsync("bash", ServerCommands.Script("redis"), "stop", directory);

    public async Task StartAgainAsync()
    {
        var port = Endpoint[(Endpoint.LastIndexOf(':') + 1)..];
        await ServerCommands.RunAsync("redis-server", "--port", port, "--bind", "127.0.0.1", "--daemonize", "yes",
            "--dir", directory, "--pidfile", Path.Combine(directory, "redis.pid"), "--logfile", Path.Combine(directory, "redis.log"),
            "--save", "", "--appendonly", "yes", "--appendfsync", "always");
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await ServerCommands.RunAsync("redis-cli", "-p", port, "ping")).Contains("PONG")) return;
            }
            catch (InvalidOperationException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"Redis did not answer on {Endpoint}; see {directory}/redis.log");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

}

/// <summary>The servers of the run (tests/run-all.sh starts them); tests that restart a server start their own.</summary>
public sealed class FaultServersFixture
{
    public TestServers Servers { get; } = TestServers.FromEnvironment();
}

/// <summary>Fault tests run one at a time: each drives a whole cluster on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServersFixture>
{
    public const string Name = "faults";
}
