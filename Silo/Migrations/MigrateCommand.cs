using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Codecov.Silo.Migrations;

/// <summary>
/// <c>dotnet run --project Silo -- migrate</c>: applies the PostgreSQL migrations and exits, for a
/// deploy step or a Kubernetes Job before silos start. Reads <c>ConnectionStrings:Postgres</c>
/// from appsettings.json, the environment (<c>ConnectionStrings__Postgres</c>) or the command line.
/// </summary>
public static class MigrateCommand
{
    public const string ConnectionStringName = "Postgres";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

    /// <returns>The process exit code: 0 applied or up to date, 1 the database refused, 2 not configured.</returns>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"migrate: no connection string. Set ConnectionStrings:{ConnectionStringName} " +
                $"(environment variable ConnectionStrings__{ConnectionStringName}, or --ConnectionStrings:{ConnectionStringName}=...).");
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var log = loggers.CreateLogger("migrate");
        try
        {
            var applied = await new Migrator(connectionString, log).MigrateAsync(cancellationToken);
            log.LogInformation("Schema is up to date ({Count} migration(s) applied now, latest version {Latest})",
                applied.Count, Migration.Embedded[^1].Version);
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            log.LogError("migrate failed: {Message}", e.Message);
            return 1;
        }
    }
}
