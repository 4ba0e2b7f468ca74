using Codecov.Grains;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Codecov.Silo.Hosting;

public static class ClusterSiloExtensions
{
    /// <summary>ADO.NET invariant of PostgreSQL through Npgsql (orleans-notes §1.2).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// A silo of the production cluster: membership and reminders in PostgreSQL, grain state in Redis,
    /// objects in S3, the query index in PostgreSQL; endpoints and ids from <c>Orleans:*</c>.
    /// </summary>
    public static IHostApplicationBuilder AddClusterSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCodecovGrains();
        builder.Services.AddClusterHostOptions(requireRedis: true);
        builder.Services.AddS3ObjectStore();
        builder.Services.AddPostgresIndexStore(sp => sp.GetRequiredService<IOptions<ClusterConnectionStrings>>().Value.Postgres!);

        builder.UseOrleans(silo =>
        {
            silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterHostOptions>>(ApplyIds);
            silo.UseMembershipClock();
            silo.Services.AddOptions<SiloOptions>().Configure<IOptions<ClusterHostOptions>>((silo, host) =>
            {
                if (!string.IsNullOrWhiteSpace(host.Value.SiloName)) silo.SiloName = host.Value.SiloName;
            });
            silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterHostOptions>>(ApplyEndpoints);
            silo.UseAdoNetClustering(options => options.Configure<IOptions<ClusterConnectionStrings>>((ado, connections) =>
            {
                ado.Invariant = PostgresInvariant;
                ado.ConnectionString = connections.Value.Postgres;
            }));
            silo.UseAdoNetReminderService(options => options.Configure<IOptions<ClusterConnectionStrings>>((ado, connections) =>
            {
                ado.Invariant = PostgresInvariant;
                ado.ConnectionString = connections.Value.Postgres;
            }));
            // Failure detection and reminder granularity are tunable (Membership:*, Reminders:*), so fault tests
            // need not wait out production timeouts. Not under Orleans:*, where Orleans reads "Reminders" as a provider.
            silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Membership");
            silo.Services.AddOptions<ReminderOptions>().BindConfiguration("Reminders");
            silo.AddRedisGrainState();
            silo.UseKubernetesHostingWhenEnabled(builder.Configuration);
            silo.AddStartupTask<UnfinishedUploadSweep>();
        });
        // A dead silo's unfinished uploads resume through a reminder (DESIGN "reminder: durable wake-up").
        builder.Services.PostConfigure<UploadProcessingOptions>(o => o.ResumeReminderPeriod ??= UploadProcessingOptions.DefaultResumeReminderPeriod);
        return builder;
    }

    /// <summary><c>Orleans:*</c> and <c>ConnectionStrings:*</c>, validated at start with messages naming the keys.</summary>
    public static IServiceCollection AddClusterHostOptions(this IServiceCollection services, bool requireRedis)
    {
        services.AddValidatedOptions<ClusterHostOptions>(ClusterHostOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterHostOptions>, ClusterHostOptionsValidator>());
        services.AddOptions<ClusterConnectionStrings>().BindConfiguration(ClusterConnectionStrings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterConnectionStrings>>(new RequiredConnectionStrings(requireRedis));
        // A grain call failing on PostgreSQL or Redis must reach the gateway as that fault, which it
        // retries and answers 503; outside these prefixes Orleans cannot serialize the exception at all.
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            o.SupportedNamespacePrefixes.Add("Npgsql");
            o.SupportedNamespacePrefixes.Add("StackExchange.Redis");
        });
        return services;
    }

    public static void ApplyIds(ClusterOptions cluster, IOptions<ClusterHostOptions> host)
    {
        cluster.ServiceId = host.Value.ServiceId;
        cluster.ClusterId = host.Value.ClusterId;
    }

    private static void ApplyEndpoints(EndpointOptions endpoints, IOptions<ClusterHostOptions> host)
    {
        var settings = host.Value;
        endpoints.SiloPort = settings.SiloPort;
        endpoints.GatewayPort = settings.GatewayPort;
        if (settings.AdvertisedAddress is { } advertised) endpoints.AdvertisedIPAddress = advertised;
        // Listen on every interface, advertise one address: the Kubernetes baseline (orleans-notes §1.11).
        endpoints.SiloListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, settings.SiloPort);
        endpoints.GatewayListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, settings.GatewayPort);
    }
}
