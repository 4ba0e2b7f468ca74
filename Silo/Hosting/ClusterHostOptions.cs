using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace Codecov.Silo.Hosting;

/// <summary>
/// Cluster membership and endpoints of a silo or cluster client (<c>Orleans:*</c>). Orleans reads the
/// same section for its declarative configuration (orleans-notes §1.1), so the keys line up with it.
/// </summary>
public sealed class ClusterHostOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Stable across deployments: grain state and reminders belong to it.</summary>
    [Required(ErrorMessage = "Orleans:ServiceId is required in cluster mode.")]
    public string ServiceId { get; set; } = "codecov";

    /// <summary>Silos and clients with the same ClusterId form one cluster.</summary>
    [Required(ErrorMessage = "Orleans:ClusterId is required in cluster mode.")]
    public string ClusterId { get; set; } = "codecov";

    [Range(1, 65535, ErrorMessage = "Orleans:SiloPort must be a port number (1-65535).")]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535, ErrorMessage = "Orleans:GatewayPort must be a port number (1-65535).")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on (a pod IP); empty: the host's first address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Name shown in membership and the dashboard (a pod name); empty: generated.</summary>
    public string? SiloName { get; set; }

    public IPAddress? AdvertisedAddress => string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? null : IPAddress.Parse(AdvertisedIPAddress);
}

/// <summary>Rules data annotations cannot express; each message names its key.</summary>
public sealed class ClusterHostOptionsValidator : IValidateOptions<ClusterHostOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterHostOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
            failures.Add($"Orleans:AdvertisedIPAddress '{options.AdvertisedIPAddress}' is not an IP address.");
        if (options.SiloPort == options.GatewayPort)
            failures.Add($"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {options.SiloPort}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary><c>ConnectionStrings:*</c> of cluster mode: PostgreSQL (membership, reminders, index) and Redis (grain state).</summary>
public sealed class ClusterConnectionStrings
{
    public const string SectionName = "ConnectionStrings";
    public const string PostgresKey = "ConnectionStrings:Postgres";
    public const string RedisKey = "ConnectionStrings:Redis";

    public string? Postgres { get; set; }

    public string? Redis { get; set; }
}

/// <summary>Requires the connection strings one kind of process needs (a gateway needs no Redis).</summary>
public sealed class RequiredConnectionStrings(bool redis) : IValidateOptions<ClusterConnectionStrings>
{
    public ValidateOptionsResult Validate(string? name, ClusterConnectionStrings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Postgres))
            failures.Add($"{ClusterConnectionStrings.PostgresKey} is required in cluster mode (membership, reminders and the query index).");
        if (redis && string.IsNullOrWhiteSpace(options.Redis))
            failures.Add($"{ClusterConnectionStrings.RedisKey} is required in cluster mode (grain state).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
