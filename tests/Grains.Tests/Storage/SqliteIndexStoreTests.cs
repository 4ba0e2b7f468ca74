using System.Data.Common;
using Codecov.Grains.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Codecov.Grains.Tests.Storage;

public sealed class SqliteIndexStoreTests : IndexStoreContract, IDisposable
{
    // SQLITE_CONSTRAINT: a UNIQUE or PRIMARY KEY constraint failed.
    private const int SqliteConstraint = 19;
    private readonly TempDataDirectory data = new();

    public void Dispose() => data.Dispose();

    protected override IIndexStore CreateStore() => new SqliteIndexStore(data.Options);

    protected override void ReleaseConnections() => SqliteConnection.ClearAllPools();

    protected override bool IsUniqueViolation(DbException error) =>
        error is SqliteException { SqliteErrorCode: SqliteConstraint };

    [Fact]
    public async Task The_schema_is_migrated_once_in_wal_mode()
    {
        await new SqliteIndexStore(data.Options).EnsureSchemaAsync();
        await new SqliteIndexStore(data.Options).EnsureSchemaAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "index.db")}");
        await connection.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(IndexMigrations.All.Select(m => (long)m.Version), await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task An_index_file_from_before_the_shared_version_numbers_keeps_its_tables_and_gets_the_new_ones()
    {
        await using (var legacy = new SqliteConnection($"Data Source={Path.Combine(data.Path, "index.db")}"))
        {
            await legacy.OpenAsync();
            await legacy.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)");
            await legacy.ExecuteAsync("INSERT INTO schema_migrations VALUES (1, '2024-01-01T00:00:00.0000000Z')");
            await legacy.ExecuteAsync(IndexMigrations.All[0].Sql);
            await legacy.ExecuteAsync("INSERT INTO repositories VALUES ('github', 'acme', 'kept', 'tok', 0, 'main', '2024-01-01T00:00:00.0000000Z')");
        }
        SqliteConnection.ClearAllPools();

        var store = new SqliteIndexStore(data.Options);

        Assert.Equal("kept", (await store.FindRepositoryByUploadTokenAsync("tok"))!.Key.Name);
        Assert.Empty(await store.ListFlagNamesAsync(Widgets));
    }
}
