using Codecov.Gateway.Options;
using Codecov.Gateway.Uploads;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Hosting;

public static class HostingModeExtensions
{
    /// <summary>The mode <c>Hosting:Mode</c> names: <see cref="HostingMode.Embedded"/> (default, one process) or <see cref="HostingMode.Cluster"/>.</summary>
    public static WebApplicationBuilder AddHostingMode(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CodecovOptions>, DirectUploadModeValidator>();
        return HostingOptions.ModeOf(builder.Configuration) == HostingMode.Cluster
            ? builder.AddClusterMode()
            : builder.AddEmbeddedMode();
    }
}
