using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Codecov.Silo.Migrations;

/// <summary>
/// Applies pending <see cref="Migration"/>s to PostgreSQL, each in its own transaction together with
/// its row in <c>schema_migrations</c>, so a failed script leaves no trace and is retried next time.
/// The whole run holds a session advisory lock: silos or Jobs starting together queue up, and the
/// later ones find everything applied. Needs DDL rights; silos at run time do not (README of the
/// report: "least-privilege role").
/// </summary>
public sealed class Migrator(string connectionString, IReadOnlyList<Migration> migrations, ILogger? logger = null)
{
    /// <summary>The advisory lock key (any fixed 64-bit number shared by every migrator): "codecov" in ASCII.</summary>
    public const long LockKey = 0x636F6465636F76;

    private readonly ILogger log = logger ?? NullLogger.Instance;

    public Migrator(string connectionString, ILogger? logger = null)
        : this(connectionString, Migration.Embedded, logger)
    {
    }

    /// <summary>Applies what is missing; returns the versions this call applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            return await ApplyPendingAsync(connection, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    private async Task<IReadOnlyList<int>> ApplyPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer NOT NULL PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ApplyAsync(connection, migration, cancellationToken);
            done.Add(migration.Version);
        }
        return done;
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        log.LogInformation("Applying migration {Version} {Name}", migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A script runs as plain text, no parameters: the @Names inside OrleansQuery texts stay literal.
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            await script.ExecuteNonQueryAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
            new { migration.Version, migration.Name }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
