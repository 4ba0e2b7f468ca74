namespace Codecov.Gateway.Operators;

public static class HealthEndpoints
{
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService(sp => sp.GetRequiredService<Readiness>());
        return services;
    }

    /// <summary>Liveness (the process answers) and readiness (the cluster is joined and not draining).</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Operators");
        health.MapGet("/live", () => TypedResults.Ok("live"));
        health.MapGet("/ready", (Readiness readiness) => readiness.IsReady
            ? Results.Ok("ready")
            : Results.Problem("The service is starting or draining.", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
