using Codecov.Gateway.Auth;
using Codecov.Gateway.Uploads;
using Codecov.Grains;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Api;

public enum ApiDecision
{
    Allowed,
    NotFound,
    Unauthorized,
    Forbidden,
}

/// <summary>Who is asking: whether a bearer token came with the request, and whether it authenticated a site administrator.</summary>
public sealed record ApiCaller(bool PresentedBearer, bool IsAdmin)
{
    /// <summary>Private repositories appear in lists for site administrators only.</summary>
    public bool SeesPrivate => IsAdmin;

    public static ValueTask<ApiCaller> BindAsync(HttpContext context) => ValueTask.FromResult(Of(context));

    public static ApiCaller Of(HttpContext context) => new(
        UploadTokenReader.SchemeValue(context.Request.Headers.Authorization, "bearer") is not null,
        context.User.HasClaim(AccessClaims.SiteAdmin, "true"));
}

/// <summary>
/// API v2's answer for a repository, from the product's one access decision (<see cref="IRepositoryAccess"/>):
/// what the viewer may not see is 404, as Codecov answers; settings need edit rights (403 otherwise).
/// </summary>
public sealed class ApiAccess(IRepositoryAccess access)
{
    public async Task<(RepositoryInfo? Repository, ApiDecision Decision)> OpenAsync(HttpContext context, string service, string owner, string repo, bool settings)
    {
        var caller = ApiCaller.Of(context);
        var view = GitServices.IsKnown(service) && !(caller.PresentedBearer && !caller.IsAdmin)
            ? await access.OpenAsync(context.User, new RepositoryKey(service, owner, repo), context.RequestAborted)
            : RepositoryView.Hidden;
        var decision = Decide(caller, view, settings);
        return (decision == ApiDecision.Allowed ? view.Repository : null, decision);
    }

    /// <summary>
    /// A wrong bearer token is refused even on a public repository, so a typo is noticed rather than
    /// silently downgraded to anonymous access.
    /// </summary>
    public static ApiDecision Decide(ApiCaller caller, RepositoryView view, bool settings)
    {
        if (caller.PresentedBearer && !caller.IsAdmin) return ApiDecision.Unauthorized;
        if (!view.CanRead) return ApiDecision.NotFound;
        return settings && !view.CanEdit ? ApiDecision.Forbidden : ApiDecision.Allowed;
    }
}
