using Codecov.Gateway.Auth;
using Codecov.Gateway.Hosting;
using Codecov.Gateway.Options;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// <c>POST /upload/v4</c> and <c>/upload/v2</c> (protocol §6), used by the Node uploader, codecov-bash,
/// npm <c>codecov</c> and <c>codecov-cli --legacy</c>.
/// </summary>
public static class LegacyUploadEndpoints
{
    public const string CannotDetermineRepo = "Could not determine repo and owner";

    public static IEndpointRouteBuilder MapLegacyUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/upload").WithTags("Codecov legacy upload");
        // Routing matches "/upload/v4/" here as well, as Codecov's "/upload/(?P<version>\w+)/?" does.
        group.MapPost("/v4", V4Async);
        group.MapPost("/v2", V2Async);
        return routes;
    }

    private static async Task<Results<ContentHttpResult, CodecovError>> V4Async(
        HttpContext context,
        [FromServices] LegacyUploadFlow flow,
        [FromServices] UploadTargets targets)
    {
        var (registration, error) = await flow.RegisterAsync(context.Request);
        if (error is not null) return error;
        var target = await targets.ForAsync(context.Request, registration!.Key!);
        return TypedResults.Text(CodecovBodies.V4(target.DashboardUrl, target.PutUrl), "text/plain; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, CodecovError>> V2Async(
        HttpContext context,
        [FromServices] LegacyUploadFlow flow,
        [FromServices] PublicUrls urls,
        [FromServices] PayloadIntake intake)
    {
        var (registration, error) = await flow.RegisterAsync(context.Request);
        if (error is not null) return error;
        var key = registration!.Key!;
        switch (await intake.AcceptAsync(context, key))
        {
            case IntakeOutcome.TooLarge:
                return CodecovError.PlainText(StatusCodes.Status413PayloadTooLarge, "Upload too large");
            case IntakeOutcome.TimedOut:
                return CodecovError.PlainText(StatusCodes.Status408RequestTimeout, RequestBodyFaults.TimeoutMessage);
        }

        var body = CodecovBodies.V2(key.UploadId, new UploadLinks(urls.For(context.Request)).Dashboard(key.Commit));
        return TypedResults.Text(body, "application/json");
    }
}

/// <summary>The legacy endpoint's steps up to a created upload, each failing as Codecov does (§6 "Flow").</summary>
public sealed class LegacyUploadFlow(
    UploadAuthenticator authenticator,
    UploadRegistrar registrar,
    IOptionsMonitor<CodecovOptions> options)
{
    public async Task<(UploadRegistration? Registration, CodecovError? Error)> RegisterAsync(HttpRequest request)
    {
        var parameters = LegacyUploadParameters.Parse(QueryValues(request.Query));
        if (parameters is null) return (null, CodecovError.PlainText(StatusCodes.Status400BadRequest, LegacyUploadParameters.InvalidMessage));

        var token = UploadTokenReader.ForLegacyRoutes(request.Query[UploadTokenReader.TokenQueryKey], request.Headers[UploadTokenReader.UploadTokenHeader]);
        var slugRepository = RepositorySlugs.ParseLegacy(options.CurrentValue.GlobalTokenGitService, parameters.Slug);
        var authentication = await authenticator.ForLegacyUploadAsync(token, slugRepository);
        if (authentication is not UploadAuthentication.Authenticated { Repository: var repository })
        {
            return (null, Refuse(authentication, AcceptsJson(request)));
        }

        var registration = await registrar.RegisterAsync(
            repository.Key.Commit(parameters.Commit), Announcement(parameters, repository), UploadRequestOf(parameters));
        return registration.Refusal is { } refusal
            ? (null, CodecovError.PlainText(StatusCodes.Status400BadRequest, refusal))
            : (registration, null);
    }

    private static CodecovError Refuse(UploadAuthentication authentication, bool acceptsJson) => authentication switch
    {
        UploadAuthentication.UnknownToken unknown => CodecovError.LegacyDetail(
            StatusCodes.Status404NotFound, $"Could not find a repository associated with upload token {unknown.Token}", "not_found", acceptsJson),
        // Tokenless CI verification (§7 "Legacy tokenless") is not offered: without a token the repository is unknown.
        _ => CodecovError.PlainText(StatusCodes.Status400BadRequest, LegacyUploadEndpoints.CannotDetermineRepo),
    };

    private static CommitUpsert Announcement(LegacyUploadParameters parameters, RepositoryInfo repository)
    {
        var resolved = BranchAndPull.Resolve(parameters.Branch, parameters.PullRequest, repository.DefaultBranch);
        return new CommitUpsert(resolved.Branch, resolved.PullId, parameters.Parent?.ToLowerInvariant());
    }

    private static UploadRequest UploadRequestOf(LegacyUploadParameters parameters) => new(
        Flags: parameters.Flags,
        Name: parameters.Name,
        CiService: parameters.Service,
        BuildId: parameters.Build,
        BuildUrl: parameters.BuildUrl,
        JobCode: parameters.Job,
        UploadType: UploadRegistrar.UploadedType,
        Env: new Dictionary<string, string>(),
        Package: parameters.Package);

    private static Dictionary<string, IReadOnlyList<string>> QueryValues(IQueryCollection query) =>
        query.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)pair.Value.Select(v => v ?? string.Empty).ToArray(),
            StringComparer.Ordinal);

    private static bool AcceptsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.OrderByDescending(a => a.Quality ?? 1).First().MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
