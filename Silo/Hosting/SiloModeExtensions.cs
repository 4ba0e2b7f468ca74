using Microsoft.Extensions.Hosting;

namespace Codecov.Silo.Hosting;

public static class SiloModeExtensions
{
    /// <summary>The silo of the mode <c>Hosting:Mode</c> names: embedded store set (default) or the production cluster.</summary>
    public static IHostApplicationBuilder AddSilo(this IHostApplicationBuilder builder)
    {
        builder.AddSiloHealth();
        return HostingOptions.ModeOf(builder.Configuration) == HostingMode.Cluster
            ? builder.AddClusterSilo()
            : builder.AddEmbeddedSilo();
    }
}
