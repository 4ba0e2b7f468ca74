using Codecov.Silo.Migrations;
using Dapper;
using Npgsql;

namespace Codecov.Cluster.Tests.Silos;

/// <summary>
/// The stored OrleansQuery texts run directly, with the parameters the ADO.NET providers bind
/// (names and CLR types as in Orleans 10.4.2's DbStoredQueries.Columns), to pin their etag rules.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansQueryContractTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTime Now = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private NpgsqlConnection connection = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateSchemaAsync();
        await new Migrator(connectionString).MigrateAsync();
        connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }

    public async Task DisposeAsync() => await connection.DisposeAsync();

    [Fact]
    public async Task The_version_row_is_created_once()
    {
        Assert.True(await RunAsync<bool>("InsertMembershipVersionKey", new { DeploymentId = "c1" }));
        Assert.False(await RunAsync<bool>("InsertMembershipVersionKey", new { DeploymentId = "c1" }));
        Assert.Equal(0, await RunAsync<int>("MembershipReadAllKey", new { DeploymentId = "c1" }));
    }

    [Fact]
    public async Task A_silo_row_is_inserted_only_with_the_current_version_and_bumps_it()
    {
        await RunAsync<bool>("InsertMembershipVersionKey", new { DeploymentId = "c1" });

        Assert.True(await RunAsync<bool>("InsertMembershipKey", Silo(port: 1, version: 0)));
        Assert.False(await RunAsync<bool>("InsertMembershipKey", Silo(port: 2, version: 0)));
        Assert.False(await RunAsync<bool>("InsertMembershipKey", Silo(port: 1, version: 1)));

        Assert.Equal(1, await RunAsync<int>("MembershipReadAllKey", new { DeploymentId = "c1" }));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM orleans_membership"));
    }

    [Fact]
    public async Task A_silo_row_is_updated_only_with_the_current_version()
    {
        await RunAsync<bool>("InsertMembershipVersionKey", new { DeploymentId = "c1" });
        await RunAsync<bool>("InsertMembershipKey", Silo(port: 1, version: 0));
        var update = new { DeploymentId = "c1", Address = "10.0.0.1", Port = 1, Generation = 7, Status = Dead, SuspectTimes = (string?)null, IAmAliveTime = Now };

        Assert.False(await RunAsync<bool>("UpdateMembershipKey", new { update.DeploymentId, update.Address, update.Port, update.Generation, update.Status, update.SuspectTimes, update.IAmAliveTime, Version = 0 }));
        Assert.Equal(Active, await ScalarAsync("SELECT status FROM orleans_membership"));
        Assert.True(await RunAsync<bool>("UpdateMembershipKey", new { update.DeploymentId, update.Address, update.Port, update.Generation, update.Status, update.SuspectTimes, update.IAmAliveTime, Version = 1 }));
        Assert.Equal(Dead, await ScalarAsync("SELECT status FROM orleans_membership"));
        Assert.Equal(2, await RunAsync<int>("MembershipReadAllKey", new { DeploymentId = "c1" }));
    }

    [Fact]
    public async Task A_reminder_etag_grows_on_upsert_and_guards_its_delete()
    {
        var row = new { ServiceId = "s", GrainId = "probe/1", ReminderName = "r", StartTime = Now, Period = 60_000, GrainHash = -5 };

        var first = await RunAsync<int>("UpsertReminderRowKey", row);
        var second = await RunAsync<int>("UpsertReminderRowKey", row);

        Assert.True(second > first);
        Assert.False(await RunAsync<bool>("DeleteReminderRowKey", new { row.ServiceId, row.GrainId, row.ReminderName, Version = first }));
        Assert.True(await RunAsync<bool>("DeleteReminderRowKey", new { row.ServiceId, row.GrainId, row.ReminderName, Version = second }));
    }

    [Theory]
    [InlineData(-10, 10, new[] { -5, 5 })]          // Begin < End: (Begin, End]
    [InlineData(10, -10, new[] { -20, -10, 20 })]   // wraps: above Begin or up to End
    [InlineData(0, 0, new[] { -20, -10, -5, 5, 20 })] // Begin = End: the whole ring
    public async Task Range_reads_return_the_hashes_a_silo_owns(int begin, int end, int[] expected)
    {
        foreach (var hash in new[] { -20, -10, -5, 5, 20 })
            await RunAsync<int>("UpsertReminderRowKey", new { ServiceId = "s", GrainId = $"probe/{hash}", ReminderName = "r", StartTime = Now, Period = 60_000, GrainHash = hash });

        var key = begin < end ? "ReadRangeRows1Key" : "ReadRangeRows2Key";
        var rows = await connection.QueryAsync<string>(await QueryTextAsync(key), new { ServiceId = "s", BeginHash = begin, EndHash = end });

        Assert.Equal(expected.Select(h => $"probe/{h}").Order(), rows.Order());
    }

    private static object Silo(int port, int version) => new
    {
        DeploymentId = "c1", Address = "10.0.0.1", Port = port, Generation = 7, SiloName = "silo", HostName = "host",
        Status = Active, ProxyPort = 30000, StartTime = Now, IAmAliveTime = Now, Version = version,
    };

    private async Task<T> RunAsync<T>(string queryKey, object parameters) =>
        await connection.QueryFirstAsync<T>(await QueryTextAsync(queryKey), parameters);

    private async Task<string> QueryTextAsync(string queryKey) =>
        await connection.QuerySingleAsync<string>("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @queryKey", new { queryKey });

    private async Task<int> ScalarAsync(string sql) => await connection.ExecuteScalarAsync<int>(sql);
}
