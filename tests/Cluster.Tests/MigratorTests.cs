using Codecov.Silo.Migrations;
using Dapper;
using Npgsql;

namespace Codecov.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigratorTests(PostgresFixture postgres)
{
    private static readonly int[] AllVersions = Migration.Embedded.Select(m => m.Version).ToArray();

    [Fact]
    public void The_embedded_migrations_are_the_orleans_tables_then_the_query_index()
    {
        Assert.Equal(
            ["0001_orleans_membership", "0002_orleans_reminders", "0003_query_index", "0004_query_lists"],
            Migration.Embedded.Select(m => m.Name));
    }

    [Fact]
    public async Task An_empty_database_gets_every_migration_and_every_orleans_query()
    {
        var connectionString = await postgres.CreateSchemaAsync();

        var applied = await new Migrator(connectionString).MigrateAsync();

        Assert.Equal(AllVersions, applied);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(AllVersions, await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version"));
        // The query keys Orleans.Clustering.AdoNet and Orleans.Reminders.AdoNet 10.4.2 look up.
        Assert.Equal(
            [
                "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey",
                "DeleteReminderRowKey", "DeleteReminderRowsKey", "GatewaysQueryKey", "InsertMembershipKey",
                "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadRangeRows1Key",
                "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey",
                "UpdateMembershipKey", "UpsertReminderRowKey",
            ],
            await connection.QueryAsync<string>("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\""));
    }

    [Fact]
    public async Task Running_again_applies_nothing_and_changes_nothing()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await new Migrator(connectionString).MigrateAsync();
        var before = await AppliedAtAsync(connectionString);

        var second = await new Migrator(connectionString).MigrateAsync();

        Assert.Empty(second);
        Assert.Equal(before, await AppliedAtAsync(connectionString));
    }

    [Fact]
    public async Task Two_migrators_started_together_apply_each_migration_once()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(async () => { start.Wait(); return await new Migrator(connectionString).MigrateAsync(); }))
            .ToArray();

        start.Set();
        var results = await Task.WhenAll(racers);

        Assert.Equal(AllVersions, results.SelectMany(r => r).Order());
        Assert.Contains(results, r => r.Count == 0);
        Assert.Equal(AllVersions, (await AppliedAtAsync(connectionString)).Keys.Order());
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_stops_the_run()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        Migration[] migrations =
        [
            new(1, "0001_good", "CREATE TABLE first_table (id integer)"),
            new(2, "0002_bad", "CREATE TABLE half_done (id integer); SELECT no_such_function()"),
            new(3, "0003_after", "CREATE TABLE never_reached (id integer)"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => new Migrator(connectionString, migrations).MigrateAsync());

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal([1], await connection.QueryAsync<int>("SELECT version FROM schema_migrations"));
        Assert.Equal(["first_table", "schema_migrations"], await connection.QueryAsync<string>(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1"));
    }

    private static async Task<Dictionary<int, DateTime>> AppliedAtAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var rows = await connection.QueryAsync<(int Version, DateTime AppliedAt)>("SELECT version, applied_at FROM schema_migrations ORDER BY version");
        return rows.ToDictionary(r => r.Version, r => r.AppliedAt);
    }
}
