namespace Codecov.Gateway.Uploads;

/// <summary>Every upload route Codecov clients call, plus the signed PUT target.</summary>
public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapLegacyUploadEndpoints();
        routes.MapCliUploadEndpoints();
        routes.MapSignedPutEndpoints();
        return routes;
    }
}
