using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Codecov.Cluster.Tests;

/// <summary>
/// A PostgreSQL server for the tests: the one named by <c>CODECOV_TEST_POSTGRES</c> (a connection
/// string), else a throwaway server started by tests/servers/postgres.sh in a temp directory on a
/// free loopback port and stopped afterwards. Each test gets its own schema (<see cref="CreateSchemaAsync"/>).
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "CODECOV_TEST_POSTGRES";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly List<string> schemas = [];
    private string? serverDirectory;

    /// <summary>The database's own connection string (default search path).</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given
            ? given
            : await StartServerAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (serverDirectory is null)
        {
            await DropSchemasAsync();
            return;
        }
        await RunScriptAsync("stop", serverDirectory);
        try { Directory.Delete(serverDirectory, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A new empty schema; the returned connection string searches only it, so unqualified tables land there.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (schemas) schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    private async Task DropSchemasAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> StartServerAsync()
    {
        serverDirectory = Directory.CreateTempSubdirectory("codecov-pg-").FullName;
        var port = FreePort();
        var (exitCode, output, error) = await RunScriptAsync("start", serverDirectory, port.ToString());
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exitCode != 0 || connectionString is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL could not be started by {ScriptPath} (exit {exitCode}): {error.Trim()}\n" +
                $"Start one yourself and point the tests at it:\n" +
                $"  sudo bash tests/servers/postgres.sh start /tmp/codecov-pg 55432\n" +
                $"  export {EnvironmentVariable}='Host=127.0.0.1;Port=55432;Username=codecov;Password=codecov;Database=codecov'");
        }
        return connectionString;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [ScriptPath, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, $"timed out after {StartTimeout}. " + await error);
        }
        return (process.ExitCode, await output, await error);
    }

    private static string ScriptPath { get; } = Path.Combine(RepositoryRoot(), "tests", "servers", "postgres.sh");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Codecov.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Codecov.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
