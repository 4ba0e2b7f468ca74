using Codecov.Grains.Storage;
using Codecov.Silo.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Codecov.Cluster.Tests.Storage;

/// <summary>
/// The PostgreSQL index (Silo/Migrations/0003_query_index.sql) and the SQLite one
/// (Grains/Storage/IndexSchema.cs) must have the same tables and columns, in the same order, so
/// IndexStatements runs on both.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class IndexSchemaParityTests(PostgresFixture postgres) : IDisposable
{
    private static readonly string[] Tables = ["repositories", "commits", "uploads"];
    private readonly string sqliteDirectory = Directory.CreateTempSubdirectory("codecov-parity-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(sqliteDirectory, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public async Task Both_databases_have_the_same_index_tables_and_columns()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await new Migrator(connectionString).MigrateAsync();
        await new SqliteIndexStore(Options.Create(new StorageOptions { DataDirectory = sqliteDirectory })).EnsureSchemaAsync();

        foreach (var table in Tables)
            Assert.Equal(await SqliteColumnsAsync(table), await PostgresColumnsAsync(connectionString, table));
    }

    private async Task<List<(string, bool)>> SqliteColumnsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(sqliteDirectory, "index.db")}");
        var rows = await connection.QueryAsync<(string Name, long NotNull)>($"SELECT name, \"notnull\" FROM pragma_table_info('{table}') ORDER BY cid");
        return rows.Select(r => (r.Name, r.NotNull == 1)).ToList();
    }

    private static async Task<List<(string, bool)>> PostgresColumnsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.QueryAsync<(string Name, string Nullable)>("""
            SELECT column_name::text, is_nullable::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
            """, new { table });
        return rows.Select(r => (r.Name, r.Nullable == "NO")).ToList();
    }
}
