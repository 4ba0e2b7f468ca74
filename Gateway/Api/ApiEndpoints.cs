namespace Codecov.Gateway.Api;

/// <summary>
/// API v2 at Codecov's paths (<c>/api/v2/…</c>, codecov-api <c>api/public/v2/urls.py</c>). Every
/// <c>…/repos/{repo}/…</c> route sits in one group that resolves the repository and the caller's
/// access once (<see cref="ApiRepository"/>); handlers never check access themselves.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v2");
        api.MapOwnerEndpoints();
        var repository = api.MapGroup("/{service}/{owner}/repos/{repo}").RequireVisibleRepository();
        repository.MapRepositoryEndpoints();
        repository.MapCommitEndpoints();
        repository.MapReportEndpoints();
        repository.MapTrendEndpoints();
        repository.MapCompareEndpoints();
        return routes;
    }
}
