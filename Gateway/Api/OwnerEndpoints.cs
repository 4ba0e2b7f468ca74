using Codecov.Gateway.Uploads;
using Codecov.Grains.Queries;

namespace Codecov.Gateway.Api;

/// <summary>Owners and their repository lists (codecov-api <c>owner/views.py</c>, <c>repo/views.py</c>).</summary>
public static class OwnerEndpoints
{
    public static RouteGroupBuilder MapOwnerEndpoints(this RouteGroupBuilder api)
    {
        var owners = api.MapGroup("").WithTags("Owners");
        owners.MapGet("/{service}/", ListOwnersAsync).WithSummary("Owner list");
        owners.MapGet("/{service}/{owner}/", GetOwnerAsync).WithSummary("Owner detail");
        api.MapGet("/{service}/{owner}/repos/", ListRepositoriesAsync).WithTags("Repos").WithSummary("Repository list")
            .WithDescription("Filters: `names` (repeatable), `active`, `search` (part of the name).");
        return api;
    }

    private static async Task<IResult> ListOwnersAsync(string service, ApiCaller caller, ApiPaging paging, HttpRequest request, IGrainFactory grains)
    {
        if (caller.PresentedBearer && !caller.IsAdmin) return ApiErrors.Unauthorized();
        if (!GitServices.IsKnown(service)) return ApiErrors.NotFound($"Service not found: {service}");
        var page = await Owners(grains).ListOwnersAsync(service, caller.SeesPrivate, paging.Request);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return Json(paging.Shape(request, page, o => new ApiOwner(o.Service, o.Username, null)));
    }

    private static async Task<IResult> GetOwnerAsync(string service, string owner, ApiCaller caller, IGrainFactory grains)
    {
        if (caller.PresentedBearer && !caller.IsAdmin) return ApiErrors.Unauthorized();
        if (!GitServices.IsKnown(service)) return ApiErrors.NotFound();
        var repositories = await Owners(grains).ListRepositoriesAsync(service, owner, new RepositoryFilter(caller.SeesPrivate), new PageRequest(1, 1));
        return repositories.Total == 0 ? ApiErrors.NotFound() : Json(new ApiOwner(service, owner, null));
    }

    private static async Task<IResult> ListRepositoriesAsync(string service, string owner, bool? active, string? search,
        ApiCaller caller, ApiPaging paging, HttpRequest request, IGrainFactory grains)
    {
        if (caller.PresentedBearer && !caller.IsAdmin) return ApiErrors.Unauthorized();
        if (!GitServices.IsKnown(service)) return ApiErrors.NotFound();
        var names = request.Query["names"].OfType<string>().ToList();
        var filter = new RepositoryFilter(caller.SeesPrivate, names.Count == 0 ? null : names, active, string.IsNullOrEmpty(search) ? null : search);
        var page = await Owners(grains).ListRepositoriesAsync(service, owner, filter, paging.Request);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return Json(paging.Shape(request, page, ApiMapping.Repository));
    }

    private static IOwnerQueryGrain Owners(IGrainFactory grains) => grains.GetGrain<IOwnerQueryGrain>(0);

    internal static IResult Json<T>(T value) => TypedResults.Json(value, CodecovBodies.Json);
}
