using Codecov.Gateway.Auth;
using Orleans.Runtime;

namespace Codecov.Gateway.Operators;

/// <summary>One active silo and how many activations of each grain type it hosts.</summary>
public sealed record SiloActivations(string Address, string? Name, string Status, IReadOnlyDictionary<string, int> Activations);

public sealed record SilosResponse(IReadOnlyList<SiloActivations> Silos);

public static class SiloEndpoints
{
    /// <summary>
    /// <c>GET /operators/silos</c> (site administrators): the cluster's active silos from the management
    /// grain, with activation counts per grain type, so an operator sees how work spreads.
    /// </summary>
    public static IEndpointRouteBuilder MapSiloEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/operators/silos", SilosAsync).WithTags("Operators").RequireAuthorization(AccessPolicies.SiteAdmin);
        return app;
    }

    private static async Task<IResult> SilosAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var statistics = await management.GetSimpleGrainStatistics();
        var silos = hosts.Select(host => new SiloActivations(
            host.SiloAddress.ToString(), host.SiloName, host.Status.ToString(),
            statistics.Where(s => s.SiloAddress.Equals(host.SiloAddress))
                .GroupBy(s => ShortTypeName(s.GrainType))
                .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount))))
            .ToList();
        return Results.Ok(new SilosResponse(silos));
    }

    // Grain types arrive as full CLR names; operators read "UploadGrain", not the namespace.
    private static string ShortTypeName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
