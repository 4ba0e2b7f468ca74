using Codecov.Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Codecov.Silo.Hosting;

public static class SiloHealthEndpoints
{
    /// <summary>Readiness that follows the silo's lifecycle, and the host's shutdown timeout from <c>Hosting:ShutdownTimeout</c>.</summary>
    public static IHostApplicationBuilder AddSiloHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HostingOptions>(HostingOptions.SectionName);
        builder.Services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<HostingOptions>>(
            (host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SiloReadiness>());
        return builder;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (active in the cluster, not draining).</summary>
    public static IEndpointRouteBuilder MapSiloHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health");
        health.MapGet("/live", () => TypedResults.Ok("live"));
        health.MapGet("/ready", (SiloReadiness readiness) => readiness.IsReady
            ? Results.Ok("ready")
            : Results.Problem("The silo is starting or draining.", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
