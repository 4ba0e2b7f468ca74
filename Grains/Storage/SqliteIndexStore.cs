using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>
/// Embedded mode's query index: SQLite at <c>&lt;DataDirectory&gt;/index.db</c> in WAL mode (readers
/// never block the writer). The schema is migrated once, on first use, by <see cref="EnsureSchemaAsync"/>.
/// </summary>
public sealed class SqliteIndexStore : SqlIndexStore
{
    private readonly string connectionString;
    private readonly Lazy<Task> schema;

    public SqliteIndexStore(IOptions<StorageOptions> options)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "index.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        schema = new Lazy<Task>(MigrateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates or upgrades the schema; every other call awaits this first.</summary>
    public Task EnsureSchemaAsync() => schema.Value;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task MigrateAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        // WAL is a property of the database file: set once, it holds for every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        await connection.ExecuteAsync(CreateMigrationTable);
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();
        foreach (var migration in IndexMigrations.All)
        {
            if (applied.Contains(migration.Version) || IsLegacyFirstVersion(applied, migration)) continue;
            await using var transaction = await connection.BeginTransactionAsync();
            // Microsoft.Data.Sqlite runs every statement of a script, in order.
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, applied_at) VALUES (@Version, @AppliedAt)",
                new { migration.Version, AppliedAt = IndexTimestamps.Format(DateTimeOffset.UtcNow) }, transaction);
            await transaction.CommitAsync();
        }
    }

    private const string CreateMigrationTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT NOT NULL
        )
        """;

    /// <summary>
    /// Index files written before the index shared the cluster's version sequence recorded its first
    /// script (the same tables) as version 1.
    /// </summary>
    private static bool IsLegacyFirstVersion(IReadOnlySet<long> applied, IndexMigration migration) =>
        migration == IndexMigrations.All[0] && applied.Contains(1);
}
