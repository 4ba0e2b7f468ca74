using Codecov.Gateway.Options;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Hosting;

public static class EmbeddedModeExtensions
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>
    /// One process: this gateway with a co-hosted silo and the embedded store set, listening on
    /// <see cref="DefaultUrl"/> unless the usual ASP.NET settings say otherwise.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedMode(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.AddEmbeddedSilo();
        builder.Services.AddSingleton<SiteSecretsSetup>();
        builder.Services.AddSingleton<IPostConfigureOptions<CodecovOptions>>(sp => sp.GetRequiredService<SiteSecretsSetup>());
        builder.Services.AddHostedService<SiteSecretsAnnouncement>();
        return builder;
    }
}
