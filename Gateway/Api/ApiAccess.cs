using Codecov.Gateway.Auth;
using Codecov.Gateway.Options;
using Codecov.Gateway.Uploads;
using Codecov.Grains;
using Codecov.Grains.Repositories;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Api;

public enum ApiDecision
{
    Allowed,
    NotFound,
    Unauthorized,
    Forbidden,
}

/// <summary>Who is asking: whether a bearer token came with the request, and whether it is the admin token.</summary>
public sealed record ApiCaller(bool PresentedBearer, bool IsAdmin)
{
    /// <summary>Private repositories appear in lists for the admin token only.</summary>
    public bool SeesPrivate => IsAdmin;

    public static ValueTask<ApiCaller> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.RequestServices.GetRequiredService<ApiAccess>().Caller(context.Request));
}

/// <summary>
/// Who may read a repository through API v2: the admin bearer token reads everything, anyone reads a
/// public repository; a private one is invisible (404, as Codecov answers) to everyone else. Settings
/// (the upload token) need the admin token.
/// </summary>
public sealed class ApiAccess(IGrainFactory grains, IOptionsMonitor<CodecovOptions> options)
{
    public ApiCaller Caller(HttpRequest request)
    {
        var bearer = UploadTokenReader.SchemeValue(request.Headers.Authorization, "bearer");
        return new ApiCaller(bearer is not null, SecretComparison.Matches(bearer, options.CurrentValue.AdminToken));
    }

    public async Task<(RepositoryInfo? Repository, ApiDecision Decision)> OpenAsync(
        HttpRequest request, string service, string owner, string repo, bool settings = false)
    {
        var caller = Caller(request);
        var repository = GitServices.IsKnown(service) && (!caller.PresentedBearer || caller.IsAdmin)
            ? await grains.GetGrain<IRepositoryGrain>(new RepositoryKey(service, owner, repo).ToString()).GetAsync()
            : null;
        var decision = Decide(caller, repository, settings);
        return (decision == ApiDecision.Allowed ? repository : null, decision);
    }

    /// <summary>
    /// A wrong bearer token is refused even on a public repository, so a typo is noticed rather than
    /// silently downgraded to anonymous access.
    /// </summary>
    public static ApiDecision Decide(ApiCaller caller, RepositoryInfo? repository, bool settings)
    {
        if (caller.PresentedBearer && !caller.IsAdmin) return ApiDecision.Unauthorized;
        if (repository is null) return ApiDecision.NotFound;
        if (caller.IsAdmin) return ApiDecision.Allowed;
        if (repository.IsPrivate) return ApiDecision.NotFound;
        return settings ? ApiDecision.Forbidden : ApiDecision.Allowed;
    }
}
