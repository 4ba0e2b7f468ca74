using Codecov.Gateway.Hosting;
using Codecov.Gateway.Uploads;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Codecov.Gateway.Api;

/// <summary>The read API in Codecov API v2 shapes, under <c>/api/v2/{service}/{owner}/repos/{repo}</c>.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v2/{service}/{owner}/repos/{repo}").WithTags("API v2");
        group.MapGet("/totals/", TotalsAsync);
        group.MapGet("/commits/{sha}/", CommitAsync);
        group.MapGet("/commits/{sha}/uploads/", UploadsAsync);
        group.MapGet("/config/", ConfigAsync);
        group.MapGet("/commits/{sha}/timeline", TimelineAsync);
        group.MapPut("/config/provider-token", SetProviderTokenAsync);
        return routes;
    }

    private static async Task<Results<JsonHttpResult<ApiTotalsResponse>, ProblemHttpResult>> TotalsAsync(
        string service, string owner, string repo, string? sha, string? branch, HttpRequest request,
        [FromServices] ApiAccess access, [FromServices] IGrainFactory grains, [FromServices] PublicUrls urls)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo);
        if (problem is not null) return problem;
        // Branch heads need the query index, which no grain exposes yet; a commit must be named.
        if (string.IsNullOrWhiteSpace(sha)) return ApiProblems.BadRequest("Pass ?sha=<commit>; totals by branch are not supported yet.");

        var report = await ReportAsync(grains, repository!, sha);
        if (report is null) return CommitNotFound(sha);
        var totals = ApiMapping.Totals(report.Commit.Totals ?? Grains.Reports.ReportTotals.Empty);
        var files = report.Files.Select(f => new ApiFileTotals(f.Path, ApiMapping.Totals(f.Totals))).ToArray();
        var fileUrl = urls.For(request).CommitFile(report.Commit.Key, "", isFile: false);
        return Json(new ApiTotalsResponse(totals, files, fileUrl));
    }

    private static async Task<Results<JsonHttpResult<ApiCommitResponse>, ProblemHttpResult>> CommitAsync(
        string service, string owner, string repo, string sha, HttpRequest request,
        [FromServices] ApiAccess access, [FromServices] IGrainFactory grains)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo);
        if (problem is not null) return problem;
        var report = await ReportAsync(grains, repository!, sha);
        return report is null ? CommitNotFound(sha) : Json(ApiMapping.Commit(report));
    }

    /// <summary>Our own addition (admin only): the token this repository's statuses and comments are posted with.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SetProviderTokenAsync(
        string service, string owner, string repo, ProviderTokenRequest body, HttpRequest request,
        [FromServices] ApiAccess access, [FromServices] IGrainFactory grains)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo, settings: true);
        if (problem is not null) return problem;
        await grains.GetGrain<IRepositoryGrain>(repository!.Key.ToString()).SetProviderTokenAsync(body.Token);
        return TypedResults.NoContent();
    }

    private static async Task<Results<JsonHttpResult<ApiTimeline>, ProblemHttpResult>> TimelineAsync(
        string service, string owner, string repo, string sha, HttpRequest request,
        [FromServices] ApiAccess access, [FromServices] IGrainFactory grains)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo);
        if (problem is not null) return problem;
        if (await KnownCommitAsync(grains, repository!, sha) is not { } grain) return CommitNotFound(sha);
        var events = (await grain.GetTimelineAsync()).Select(ApiMapping.TimelineEvent).ToArray();
        return Json(new ApiTimeline(sha.ToLowerInvariant(), events));
    }

    private static async Task<Results<JsonHttpResult<ApiPage<ApiUpload>>, ProblemHttpResult>> UploadsAsync(
        string service, string owner, string repo, string sha, HttpRequest request,
        [FromServices] ApiAccess access, [FromServices] IGrainFactory grains)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo);
        if (problem is not null) return problem;
        if (await KnownCommitAsync(grains, repository!, sha) is not { } grain) return CommitNotFound(sha);
        var uploads = (await grain.GetUploadsAsync()).Select(ApiMapping.Upload).ToArray();
        return Json(new ApiPage<ApiUpload>(uploads.Length, null, null, uploads, 1));
    }

    private static async Task<Results<JsonHttpResult<ApiConfigResponse>, ProblemHttpResult>> ConfigAsync(
        string service, string owner, string repo, HttpRequest request, [FromServices] ApiAccess access)
    {
        var (repository, problem) = await access.OpenAsync(request, service, owner, repo, settings: true);
        if (problem is not null) return problem;
        return Json(new ApiConfigResponse(repository!.UploadToken, null));
    }

    private static Task<CommitReport?> ReportAsync(IGrainFactory grains, RepositoryInfo repository, string sha) =>
        CommitGrain(grains, repository, sha).GetReportAsync();

    /// <summary>The commit's grain when an uploader ever announced the commit; null for an unknown sha.</summary>
    private static async Task<ICommitGrain?> KnownCommitAsync(IGrainFactory grains, RepositoryInfo repository, string sha)
    {
        var grain = CommitGrain(grains, repository, sha);
        return await grain.GetAsync() is null ? null : grain;
    }

    private static ICommitGrain CommitGrain(IGrainFactory grains, RepositoryInfo repository, string sha) =>
        grains.GetGrain<ICommitGrain>(repository.Key.Commit(sha.ToLowerInvariant()).ToString());

    // Codecov's wording for an unknown sha (api public v2 totals).
    private static ProblemHttpResult CommitNotFound(string sha) =>
        ApiProblems.NotFound($"The commit {sha} is not in our records. Please specify valid commit.");

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, CodecovBodies.Json);
}
