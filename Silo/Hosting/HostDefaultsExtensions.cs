using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Codecov.Silo.Hosting;

/// <summary>What every process of the product starts with, whichever host (gateway or silo) it is.</summary>
public static class HostDefaultsExtensions
{
    /// <summary>
    /// Orleans logs each of its ~20 options classes at Information on start (≈200 lines before the first useful
    /// one). They are moved below the default level here, as the lowest-precedence configuration, so
    /// <c>Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger=Information</c> brings them back.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> LogLevels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Warning",
        ["Logging:LogLevel:Orleans.ClientOptionsLogger"] = "Warning",
    };

    public static IHostApplicationBuilder AddHostDefaults(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration is IConfigurationBuilder sources)
        {
            sources.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LogLevels });
        }

        return builder;
    }
}
