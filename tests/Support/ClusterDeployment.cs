using System.Diagnostics;
using Npgsql;

namespace Codecov.Tests.Support;

/// <summary>What a <see cref="ClusterDeployment"/> runs: how many silos, and settings beyond the deployment's own.</summary>
public sealed record ClusterDeploymentOptions
{
    /// <summary>Prefix of the schema, ClusterId, ServiceId and bucket, so a leftover is traced to its suite.</summary>
    public string Name { get; init; } = "cluster";

    public int SiloCount { get; init; } = 1;

    /// <summary>Settings of every process, silos and gateways (later entries win over the deployment's defaults).</summary>
    public IReadOnlyDictionary<string, string> Shared { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings of every silo (processing, membership timings).</summary>
    public IReadOnlyDictionary<string, string> Silo { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings of one silo, by index, applied after <see cref="Silo"/>.</summary>
    public Func<int, IReadOnlyDictionary<string, string>>? PerSilo { get; init; }

    /// <summary>Settings of the deployment's gateway (upload limits, webhook secret).</summary>
    public IReadOnlyDictionary<string, string> Gateway { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A cluster-mode deployment of real processes: silos (<c>Codecov.Silo</c>) and a gateway (Orleans
/// client) on the given PostgreSQL (membership, reminders, query index), Redis (grain state) and S3
/// (objects). Each deployment has its own schema (migrated by the Silo's <c>migrate</c> command, as a
/// deploy step would), ClusterId, ServiceId and bucket, so deployments share servers without meeting.
/// </summary>
public sealed class ClusterDeployment : IAsyncDisposable
{
    private static readonly TimeSpan MigrateTimeout = TimeSpan.FromMinutes(2);
    private readonly TestServers servers;
    private readonly ClusterDeploymentOptions options;
    private readonly string id = Guid.NewGuid().ToString("N")[..12];
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("codecov-cluster-").FullName;
    private readonly Dictionary<string, string> shared;
    private readonly List<ServiceProcess> gateways = [];

    public ClusterDeployment(TestServers servers, ClusterDeploymentOptions? options = null)
    {
        this.servers = servers;
        this.options = options ?? new ClusterDeploymentOptions();
        Schema = $"{this.options.Name}_{id}".Replace('-', '_').ToLowerInvariant();
        // Small pools: every process of every deployment shares one test server with the rest of the suite.
        Postgres = new NpgsqlConnectionStringBuilder(servers.Postgres) { SearchPath = Schema, MaxPoolSize = 30 }.ConnectionString;
        ApplicationPostgres = new NpgsqlConnectionStringBuilder(Postgres) { Username = ApplicationRole, Password = id }.ConnectionString;
        shared = SharedSettings();
        Silos = Enumerable.Range(0, this.options.SiloCount).Select(NewSilo).ToArray();
        Gateway = AddGateway(this.options.Gateway);
    }

    /// <summary>The least-privilege role the silos and gateways log in as (README "Running a local cluster").</summary>
    public string ApplicationRole => $"{Schema}_app";

    /// <summary>The processes' connection: the application role, searching only the deployment's schema.</summary>
    public string ApplicationPostgres { get; }

    /// <summary>The deployment's own PostgreSQL schema; <see cref="Postgres"/> (its owner, who migrates it) searches only it.</summary>
    public string Schema { get; }

    public string Postgres { get; }

    public string Bucket => $"{options.Name}-{id}".ToLowerInvariant();

    public IReadOnlyList<ServiceProcess> Silos { get; }

    public ServiceProcess Gateway { get; }

    /// <summary>Every gateway: <see cref="Gateway"/> and those added by <see cref="AddGateway"/>.</summary>
    public IReadOnlyList<ServiceProcess> Gateways => gateways;

    public IEnumerable<ServiceProcess> All => Silos.Concat(gateways);

    public string GlobalToken { get; } = "global-" + Guid.NewGuid().ToString("N");

    public string AdminToken { get; } = "admin-" + Guid.NewGuid().ToString("N");

    /// <summary>Every gateway of a cluster verifies the URLs the others signed (README "Running a local cluster").</summary>
    public string UploadSigningKey { get; } = "signing-" + Guid.NewGuid().ToString("N");

    /// <summary>Creates and migrates the schema, starts the silos together (they race to join, as in a deployment), then the gateway.</summary>
    public async Task StartAsync()
    {
        await CreateSchemaAsync();
        await MigrateAsync();
        await CreateApplicationRoleAsync();
        await Task.WhenAll(Silos.Select(StartAsync));
        await StartAsync(Gateway);
    }

    /// <summary>
    /// One more gateway of this cluster, with its own settings on top of the deployment's; not started
    /// (start it with <see cref="StartAsync(ServiceProcess)"/>). Disposed with the deployment.
    /// </summary>
    public ServiceProcess AddGateway(IReadOnlyDictionary<string, string>? settings = null)
    {
        var gateway = new ServiceProcess($"gateway{gateways.Count}", BuildOutput.Assembly("Gateway", "Codecov.Gateway"), workingDirectory, FreePort.Next());
        Apply(gateway, shared);
        gateway.Environment["Codecov__UploadSigningKey"] = UploadSigningKey;
        gateway.Environment["Codecov__GlobalUploadToken"] = GlobalToken;
        gateway.Environment["Codecov__AdminToken"] = AdminToken;
        Apply(gateway, settings);
        gateways.Add(gateway);
        return gateway;
    }

    /// <summary>
    /// Starts one of this deployment's processes; when a port picked as free was taken meanwhile (test
    /// projects run in parallel), picks new ports and tries again.
    /// </summary>
    public Task StartAsync(ServiceProcess process) => process.StartOnFreePortsAsync(p =>
    {
        if (p.Environment.ContainsKey("Orleans__SiloPort")) SetOrleansPorts(p);
    });

    /// <summary>Every process's output (its last lines), for a failure message.</summary>
    public string Logs(int tailLines = 80) => string.Join("\n", All.Select(p =>
        $"==== {p.Name}\n" + string.Join("\n", p.Output.Split('\n').TakeLast(tailLines))));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(All.Select(p => p.KillAsync()));
        await DropSchemaAsync();
        try { Directory.Delete(workingDirectory, recursive: true); }
        catch (IOException) { }
    }

    private Dictionary<string, string> SharedSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Hosting__Mode"] = "Cluster",
            ["ConnectionStrings__Postgres"] = ApplicationPostgres,
            ["ConnectionStrings__Redis"] = servers.RedisConnectionString,
            ["S3__Endpoint"] = servers.S3Endpoint,
            ["S3__Bucket"] = Bucket,
            ["S3__AccessKey"] = TestServers.S3Credential,
            ["S3__SecretKey"] = TestServers.S3Credential,
            ["S3__UseSsl"] = "false",
            ["S3__RequestTimeout"] = "00:00:15",
            // Dead silos stay in the membership table: every deployment is its own cluster (machine-notes).
            ["Orleans__ServiceId"] = $"{options.Name}-{id}",
            ["Orleans__ClusterId"] = $"{options.Name}-{id}",
            ["Hosting__ShutdownTimeout"] = "00:00:30",
            ["Hosting__DrainDelay"] = "00:00:02",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
        };
        foreach (var (key, value) in options.Shared) settings[key] = value;
        return settings;
    }

    private ServiceProcess NewSilo(int index)
    {
        var silo = new ServiceProcess($"silo{index}", BuildOutput.Assembly("Silo", "Codecov.Silo"), workingDirectory, FreePort.Next());
        Apply(silo, shared);
        silo.Environment["Orleans__SiloName"] = $"silo{index}";
        silo.Environment["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        SetOrleansPorts(silo);
        Apply(silo, options.Silo);
        Apply(silo, options.PerSilo?.Invoke(index));
        return silo;
    }

    private static void SetOrleansPorts(ServiceProcess silo)
    {
        silo.Environment["Orleans__SiloPort"] = FreePort.Next().ToString();
        silo.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString();
    }

    private static void Apply(ServiceProcess process, IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) process.Environment[key] = value;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(servers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {Schema}", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The role the processes run as, with exactly the grants README lists: no DDL, so a run-time schema
    /// change anywhere in the product fails these tests.
    /// </summary>
    private async Task CreateApplicationRoleAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        string[] statements =
        [
            $"CREATE ROLE {ApplicationRole} LOGIN PASSWORD '{id}'",
            $"GRANT USAGE ON SCHEMA {Schema} TO {ApplicationRole}",
            $"GRANT SELECT ON orleansquery TO {ApplicationRole}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON orleans_membership_version, orleans_membership, orleans_reminders TO {ApplicationRole}",
            $"GRANT SELECT, INSERT, UPDATE ON repositories, commits, uploads TO {ApplicationRole}",
        ];
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task DropSchemaAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(servers.Postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"DROP SCHEMA IF EXISTS {Schema} CASCADE; DROP ROLE IF EXISTS {ApplicationRole}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A test that stopped the server for good leaves the schema to the throwaway server's removal.
        }
    }

    /// <summary><c>Codecov.Silo migrate</c>, the deploy step of README "Running a local cluster".</summary>
    private async Task MigrateAsync()
    {
        var silo = BuildOutput.Assembly("Silo", "Codecov.Silo");
        if (!File.Exists(silo)) throw new InvalidOperationException($"Build the solution first: {silo} is missing.");
        var start = new ProcessStartInfo("dotnet", [silo, "migrate"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["ConnectionStrings__Postgres"] = Postgres;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(MigrateTimeout);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Codecov.Silo migrate did not finish within {MigrateTimeout}:\n{await stdout}{await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Codecov.Silo migrate exited with {process.ExitCode}:\n{await stdout}{await stderr}");
    }
}
