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
/// PostgreSQL for the fault tests: the server <c>CODECOV_TEST_POSTGRES</c> names, or one of our own
/// (tests/servers/postgres.sh) that a test may stop and start again on the same data directory.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string? directory;
    private readonly int port;

    private PostgresServer(string connectionString, string? directory, int port)
    {
        ConnectionString = connectionString;
        this.directory = directory;
        this.port = port;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> SharedOrOwnAsync() =>
        Environment.GetEnvironmentVariable(PostgresFixture.EnvironmentVariable) is { Length: > 0 } given
            ? new PostgresServer(given, null, 0)
            : await OwnAsync();

    public static async Task<PostgresServer> OwnAsync()
    {
        var directory = Directory.CreateTempSubdirectory("codecov-faults-pg-").FullName;
        var port = FreePort.Next();
        var output = await ServerCommands.RunAsync("bash", ServerCommands.Script("postgres"), "start", directory, port.ToString());
        return new PostgresServer(output.Trim().Split('\n')[^1], directory, port);
    }

    /// <summary>A new schema with the project's migrations applied; the returned connection string searches only it.</summary>
    public async Task<string> CreateMigratedSchemaAsync()
    {
        var schema = "faults_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        // Small pools: three processes share one test server with the rest of the suite.
        var scoped = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema, MaxPoolSize = 30 }.ConnectionString;
        await new Codecov.Silo.Migrations.Migrator(scoped).MigrateAsync();
        return scoped;
    }

    /// <summary>Fast shutdown (only for a server of our own).</summary>
    public Task StopAsync() => ServerCommands.RunAsync("bash", ServerCommands.Script("postgres"), "stop", OwnDirectory);

    /// <summary>Starts the stopped server again on the same data directory and port, with postgres.sh's settings.</summary>
    public Task StartAgainAsync() => ServerCommands.RunAsync("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl",
        "-D", Path.Combine(OwnDirectory, "data"), "-l", Path.Combine(OwnDirectory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {port} -k {OwnDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (directory is null) return;
        try { await StopAsync(); }
        catch (InvalidOperationException) { }
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

    private string OwnDirectory => directory ?? throw new InvalidOperationException("The shared PostgreSQL is not ours to restart.");
}

/// <summary>
/// Redis for the fault tests: the one <c>CODECOV_TEST_REDIS</c> names, or our own. A restartable one
/// writes an append-only file synced on every write, as a production Redis holding grain state would.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? directory;

    private RedisServer(string endpoint, string? directory)
    {
        Endpoint = endpoint;
        this.directory = directory;
    }

    public string Endpoint { get; }

    /// <summary>StackExchange.Redis settings: keep reconnecting rather than fail when the server is away.</summary>
    public string ConnectionString => $"{Endpoint},abortConnect=false";

    public static async Task<RedisServer> SharedOrOwnAsync()
    {
        if (Environment.GetEnvironmentVariable("CODECOV_TEST_REDIS") is { Length: > 0 } given) return new RedisServer(given, null);
        var directory = Directory.CreateTempSubdirectory("codecov-faults-redis-").FullName;
        var port = FreePort.Next();
        await ServerCommands.RunAsync("bash", ServerCommands.Script("redis"), "start", directory, port.ToString());
        return new RedisServer($"127.0.0.1:{port}", directory);
    }

    public static async Task<RedisServer> OwnDurableAsync()
    {
        var server = new RedisServer($"127.0.0.1:{FreePort.Next()}", Directory.CreateTempSubdirectory("codecov-faults-redis-").FullName);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>SIGTERM through redis.sh: Redis flushes its append-only file and exits.</summary>
    public Task StopAsync() => ServerCommands.RunAsync("bash", ServerCommands.Script("redis"), "stop", OwnDirectory);

    public async Task StartAgainAsync()
    {
        var port = Endpoint[(Endpoint.LastIndexOf(':') + 1)..];
        await ServerCommands.RunAsync("redis-server", "--port", port, "--bind", "127.0.0.1", "--daemonize", "yes",
            "--dir", OwnDirectory, "--pidfile", Path.Combine(OwnDirectory, "redis.pid"), "--logfile", Path.Combine(OwnDirectory, "redis.log"),
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
        throw new InvalidOperationException($"Redis did not answer on {Endpoint}; see {OwnDirectory}/redis.log");
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is null) return;
        await StopAsync();
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }

    private string OwnDirectory => directory ?? throw new InvalidOperationException("The shared Redis is not ours to restart.");
}

/// <summary>s3rver: the one <c>CODECOV_TEST_S3</c> names, or our own (tests/servers/s3rver.sh). Credentials S3RVER / S3RVER.</summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string Credential = "S3RVER";
    private readonly string? directory;

    private S3Server(string endpoint, string? directory)
    {
        Endpoint = endpoint;
        this.directory = directory;
    }

    public string Endpoint { get; }

    public static async Task<S3Server> SharedOrOwnAsync()
    {
        if (Environment.GetEnvironmentVariable("CODECOV_TEST_S3") is { Length: > 0 } given) return new S3Server(given, null);
        var directory = Directory.CreateTempSubdirectory("codecov-faults-s3-").FullName;
        var port = FreePort.Next();
        await ServerCommands.RunAsync("bash", ServerCommands.Script("s3rver"), "start", directory, port.ToString());
        return new S3Server($"127.0.0.1:{port}", directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is null) return;
        await ServerCommands.RunAsync("bash", ServerCommands.Script("s3rver"), "stop", directory);
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The servers every fault test shares; tests that restart a server start their own.</summary>
public sealed class FaultServersFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;
    public RedisServer Redis { get; private set; } = null!;
    public S3Server S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.SharedOrOwnAsync();
        Redis = await RedisServer.SharedOrOwnAsync();
        S3 = await S3Server.SharedOrOwnAsync();
    }

    public async Task DisposeAsync()
    {
        if (Postgres is not null) await Postgres.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        if (S3 is not null) await S3.DisposeAsync();
    }
}

/// <summary>Fault tests run one at a time: each drives a whole cluster on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServersFixture>
{
    public const string Name = "faults";
}
