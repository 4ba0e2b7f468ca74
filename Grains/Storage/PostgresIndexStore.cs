using System.Data.Common;
using Npgsql;

namespace Codecov.Grains.Storage;

/// <summary>
/// Cluster mode's query index on PostgreSQL, running the same queries as
/// <see cref="SqliteIndexStore"/> (<see cref="SqlIndexStore"/>). It never creates or alters tables: the schema comes from the
/// Silo's <c>migrate</c> command (<see cref="IndexMigrations"/>), so silos run without DDL rights.
/// </summary>
public sealed class PostgresIndexStore(NpgsqlDataSource dataSource) : SqlIndexStore
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
