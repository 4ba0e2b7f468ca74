using Codecov.Silo.Migrations;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Codecov.Cluster.Tests.Silos;

/// <summary>
/// Two silos and a client that find each other only through the project's PostgreSQL schema
/// (ADO.NET clustering and reminders, invariant Npgsql), as cluster mode runs them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string ConnectionKey = "ConnectionStrings:Postgres";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private string connectionString = "";
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateSchemaAsync();
        await new Migrator(connectionString).MigrateAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        // Dead rows stay in the membership table: every run is its own cluster.
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N");
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [ConnectionKey] = connectionString }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Both_silos_join_through_the_membership_table_and_host_grains()
    {
        await cluster.WaitForLivenessToStabilizeAsync();

        var silos = await Task.WhenAll(Enumerable.Range(0, 24)
            .Select(i => cluster.Client.GetGrain<IProbeGrain>($"spread-{i}").SiloAsync()));

        Assert.Equal(2, silos.Distinct().Count());
        await using var connection = new NpgsqlConnection(connectionString);
        // SiloStatus.Active is 3.
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @ClusterId AND status = 3",
            new { cluster.Options.ClusterId }));
    }

    [Fact]
    public async Task A_reminder_is_stored_in_postgres_and_fires()
    {
        var grain = cluster.Client.GetGrain<IProbeGrain>("reminded-" + Guid.NewGuid().ToString("N"));

        await grain.StartReminderAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            Assert.Equal(2000L, await connection.ExecuteScalarAsync<long>(
                "SELECT period FROM orleans_reminders WHERE service_id = @ServiceId AND reminder_name = @Name",
                new { cluster.Options.ServiceId, Name = ProbeGrain.ReminderName }));
        }
        Assert.True(await EventuallyAsync(async () => await grain.TicksAsync() >= 2), "the reminder did not fire twice within a minute");

        await grain.StopReminderAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM orleans_reminders WHERE service_id = @ServiceId", new { cluster.Options.ServiceId }));
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var connectionString = silo.Configuration[ConnectionKey]!;
            silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
            silo.UseAdoNetReminderService(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
            // Orleans allows sub-minute reminders when told to (it logs that they are unsuitable for production).
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = configuration[ConnectionKey]!; });
    }
}
