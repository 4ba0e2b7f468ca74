using System.Data.Common;
using Codecov.Grains.Storage;
using Codecov.Grains.Tests.Storage;
using Codecov.Silo.Migrations;
using Npgsql;

namespace Codecov.Cluster.Tests.Storage;

/// <summary>The index store contract on PostgreSQL, each test in a fresh schema migrated by <see cref="Migrator"/>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexStoreTests(PostgresFixture postgres) : IndexStoreContract, IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> dataSources = [];
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateSchemaAsync();
        await new Migrator(connectionString).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var dataSource in dataSources) await dataSource.DisposeAsync();
    }

    protected override IIndexStore CreateStore()
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        dataSources.Add(dataSource);
        return new PostgresIndexStore(dataSource);
    }

    protected override void ReleaseConnections() => NpgsqlConnection.ClearAllPools();

    protected override bool IsUniqueViolation(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
