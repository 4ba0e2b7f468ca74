using Codecov.Gateway.Auth;
using Codecov.Gateway.Options;
using Codecov.Gateway.Uploads;
using Codecov.Grains;
using Codecov.Grains.Repositories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Api;

public enum ApiDecision
{
    Allowed,
    NotFound,
    Unauthorized,
}

/// <summary>
/// Who may read a repository through API v2: the admin bearer token reads everything, anyone reads a
/// public repository, nobody else reads a private one. Settings (the upload token) need the admin token.
/// </summary>
public sealed class ApiAccess(IGrainFactory grains, IOptionsMonitor<CodecovOptions> options)
{
    public async Task<(RepositoryInfo? Repository, ProblemHttpResult? Problem)> OpenAsync(
        HttpRequest request, string service, string owner, string repo, bool settings = false)
    {
        var bearer = UploadTokenReader.SchemeValue(request.Headers.Authorization, "bearer");
        var isAdmin = SecretComparison.Matches(bearer, options.CurrentValue.AdminToken);
        var repository = GitServices.IsKnown(service)
            ? await grains.GetGrain<IRepositoryGrain>(new RepositoryKey(service, owner, repo).ToString()).GetAsync()
            : null;
        return Decide(bearer is not null, isAdmin, repository, settings) switch
        {
            ApiDecision.Allowed => (repository, null),
            ApiDecision.NotFound => (null, ApiProblems.NotFound($"Repository {service}/{owner}/{repo} not found.")),
            _ => (null, ApiProblems.Unauthorized()),
        };
    }

    /// <summary>
    /// A wrong bearer token is refused even on a public repository, so a typo is noticed rather than
    /// silently downgraded to anonymous access.
    /// </summary>
    public static ApiDecision Decide(bool presentedBearer, bool isAdmin, RepositoryInfo? repository, bool settings)
    {
        if (presentedBearer && !isAdmin) return ApiDecision.Unauthorized;
        if (repository is null) return ApiDecision.NotFound;
        if (isAdmin) return ApiDecision.Allowed;
        return settings || repository.IsPrivate ? ApiDecision.Unauthorized : ApiDecision.Allowed;
    }
}

/// <summary>ProblemDetails for our own API (STYLE "HTTP").</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send Authorization: Bearer <admin token> to read this repository.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
