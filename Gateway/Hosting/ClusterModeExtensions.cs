using Codecov.Gateway.Options;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Codecov.Gateway.Hosting;

public static class ClusterModeExtensions
{
    /// <summary>
    /// A gateway of the production cluster: an Orleans client (never a co-hosted silo, orleans-notes §1.1)
    /// that finds the silos through PostgreSQL membership, and streams signed PUTs into S3.
    /// </summary>
    public static WebApplicationBuilder AddClusterMode(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HostingOptions>(HostingOptions.SectionName);
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>(
            (host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        builder.Services.AddClusterHostOptions(requireRedis: false);
        builder.Services.AddS3ObjectStore();
        builder.Services.AddSingleton<IValidateOptions<CodecovOptions>, ClusterSecretsValidator>();

        builder.UseOrleansClient(client =>
        {
            client.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterHostOptions>>(ClusterSiloExtensions.ApplyIds);
            client.Services.AddOptions<ClientMessagingOptions>().Configure<IOptions<HostingOptions>>(
                (messaging, hosting) => messaging.ResponseTimeout = hosting.Value.GatewayCallTimeout);
            client.UseAdoNetClustering(options => options.Configure<IOptions<ClusterConnectionStrings>>((ado, connections) =>
            {
                ado.Invariant = ClusterSiloExtensions.PostgresInvariant;
                ado.ConnectionString = connections.Value.Postgres;
            }));
        });
        return builder;
    }
}

/// <summary>
/// Cluster gateways have no shared data directory to generate secrets in, and every gateway must
/// verify URLs the others signed: the signing key must be configured.
/// </summary>
public sealed class ClusterSecretsValidator : IValidateOptions<CodecovOptions>
{
    public ValidateOptionsResult Validate(string? name, CodecovOptions options) =>
        string.IsNullOrEmpty(options.UploadSigningKey)
            ? ValidateOptionsResult.Fail("Codecov:UploadSigningKey is required in cluster mode: every gateway must share it.")
            : ValidateOptionsResult.Success;
}
