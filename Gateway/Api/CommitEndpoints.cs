using Codecov.Grains.Commits;

namespace Codecov.Gateway.Api;

/// <summary>Commits, their uploads and timeline (codecov-api <c>commit/views.py</c>).</summary>
public static class CommitEndpoints
{
    public static RouteGroupBuilder MapCommitEndpoints(this RouteGroupBuilder repository)
    {
        var commits = repository.MapGroup("/commits").WithTags("Commits");
        commits.MapGet("/", ListCommitsAsync).WithSummary("Commit list").WithDescription("Filter: `branch`.");
        commits.MapGet("/{sha}/", GetCommitAsync).WithSummary("Commit detail");
        commits.MapGet("/{sha}/uploads/", ListUploadsAsync).WithSummary("Commit uploads");
        commits.MapGet("/{sha}/timeline", GetTimelineAsync)
            .WithSummary("What happened to the commit, oldest first (uploads, merges, notification decisions)");
        return repository;
    }

    private static async Task<IResult> ListCommitsAsync(string? branch, ApiRepository repo, ApiPaging paging, HttpRequest request)
    {
        var page = await repo.Queries.ListCommitsAsync(string.IsNullOrEmpty(branch) ? null : branch, paging.Request);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, ApiMapping.Commit));
    }

    private static async Task<IResult> GetCommitAsync(string sha, ApiRepository repo, IGrainFactory grains)
    {
        var report = await Grain(grains, repo, sha).GetReportAsync();
        return report is null ? ApiErrors.NotFound() : OwnerEndpoints.Json(ApiMapping.CommitDetail(report));
    }

    private static async Task<IResult> ListUploadsAsync(string sha, ApiRepository repo, ApiPaging paging, HttpRequest request, IGrainFactory grains)
    {
        if (await KnownAsync(grains, repo, sha) is not { } grain) return CommitNotFound(sha);
        var page = paging.Slice(await grain.GetUploadsAsync());
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, ApiMapping.Upload));
    }

    private static async Task<IResult> GetTimelineAsync(string sha, ApiRepository repo, IGrainFactory grains)
    {
        if (await KnownAsync(grains, repo, sha) is not { } grain) return CommitNotFound(sha);
        var events = (await grain.GetTimelineAsync()).Select(ApiMapping.TimelineEvent).ToArray();
        return OwnerEndpoints.Json(new ApiTimeline(sha.ToLowerInvariant(), events));
    }

    /// <summary>The commit's grain when an uploader ever announced the commit; null for an unknown sha.</summary>
    private static async Task<ICommitGrain?> KnownAsync(IGrainFactory grains, ApiRepository repo, string sha)
    {
        var grain = Grain(grains, repo, sha);
        return await grain.GetAsync() is null ? null : grain;
    }

    private static ICommitGrain Grain(IGrainFactory grains, ApiRepository repo, string sha) =>
        grains.GetGrain<ICommitGrain>(repo.Commit(sha.ToLowerInvariant()).ToString());

    // Codecov's wording for an unknown sha (api/shared/mixins.py get_commit).
    internal static IResult CommitNotFound(string sha) =>
        ApiErrors.NotFound($"The commit {sha} is not in our records. Please specify valid commit.");
}
