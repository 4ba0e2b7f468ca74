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
        Assert.Equal([1L], await connection.QueryAsync<long>("SELECT version FROM schema_migrations"));
    }
}
