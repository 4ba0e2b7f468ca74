using System.ComponentModel.DataAnnotations;

namespace Codecov.Silo.Hosting;

/// <summary>Which store set and topology a process runs with (DESIGN "Two modes, one code path").</summary>
public enum HostingMode
{
    /// <summary>One process: a gateway with a co-hosted silo, state under the data directory.</summary>
    Embedded,

    /// <summary>Separate silos and gateways over PostgreSQL, Redis and S3.</summary>
    Cluster,
}

/// <summary><c>Hosting:*</c>: the mode, and how long a stopping process may take to drain.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>
    /// How long SIGTERM may take: the silo hands its grains over and finishes in-flight calls. Keep it
    /// below the orchestrator's grace period (orleans-notes §1.11: 120 s against 150 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Hosting:ShutdownTimeout must be between 1 second and 1 hour.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long readiness reports false before the HTTP server stops, so load balancers stop sending
    /// requests before connections are refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Hosting:DrainDelay must be between 0 and 5 minutes.")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest wait of a cluster gateway for one grain call. The gateway's calls are short; Orleans'
    /// 30 s default would keep an uploader waiting that long on a call caught by a silo's death, where
    /// a retry reaches the grain's new activation within seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Hosting:GatewayCallTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan GatewayCallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads the mode at composition time, failing with a message that names the key.</summary>
    public static HostingMode ModeOf(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var value = configuration[$"{SectionName}:{nameof(Mode)}"];
        if (string.IsNullOrWhiteSpace(value)) return HostingMode.Embedded;
        return Enum.TryParse<HostingMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidSettingException($"Hosting:Mode '{value}' is not one of Embedded, Cluster.");
    }
}
