using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Api;

/// <summary>A repository, its branches, pull requests and settings (codecov-api <c>repo/</c>, <c>branch/</c>, <c>pull/</c>).</summary>
public static class RepositoryEndpoints
{
    public static RouteGroupBuilder MapRepositoryEndpoints(this RouteGroupBuilder repository)
    {
        repository.MapGet("/", GetRepositoryAsync).WithTags("Repos").WithSummary("Repository detail");
        repository.MapGet("/config/", (ApiRepository repo) => OwnerEndpoints.Json(new ApiConfigResponse(repo.Info.UploadToken, null)))
            .AsRepositorySettings().WithTags("Repos").WithSummary("Repository config");
        repository.MapPut("/config/provider-token", SetProviderTokenAsync).AsRepositorySettings().WithTags("Repos")
            .WithSummary("Sets the token statuses and comments are posted with (admin only)");

        var branches = repository.MapGroup("/branches").WithTags("Branches");
        branches.MapGet("/", ListBranchesAsync).WithSummary("Branch list");
        branches.MapGet("/{**name}", GetBranchAsync).WithSummary("Branch detail");

        var pulls = repository.MapGroup("/pulls").WithTags("Pulls");
        pulls.MapGet("/", ListPullsAsync).WithSummary("Pull list").WithDescription("Filter: `state` (open, merged, closed).");
        pulls.MapGet("/{pullid:int}/", GetPullAsync).WithSummary("Pull detail");
        return repository;
    }

    private static async Task<IResult> GetRepositoryAsync(ApiRepository repo) =>
        await repo.Queries.GetSummaryAsync() is { } summary ? OwnerEndpoints.Json(ApiMapping.Repository(summary)) : ApiErrors.NotFound();

    private static async Task<IResult> SetProviderTokenAsync(ApiRepository repo, ProviderTokenRequest body, IGrainFactory grains)
    {
        await grains.GetGrain<IRepositoryGrain>(repo.Key.ToString()).SetProviderTokenAsync(body.Token);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListBranchesAsync(ApiRepository repo, ApiPaging paging, HttpRequest request)
    {
        var page = await repo.Queries.ListBranchesAsync(paging.Request);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, b => new ApiBranch(b.Name, ApiMapping.Time(b.UpdatedAt))));
    }

    private static async Task<IResult> GetBranchAsync(string name, ApiRepository repo, IGrainFactory grains)
    {
        if (await repo.Queries.GetBranchAsync(name.TrimEnd('/')) is not { } branch) return ApiErrors.NotFound();
        var report = await grains.GetGrain<ICommitGrain>(repo.Commit(branch.HeadSha).ToString()).GetReportAsync();
        return report is null
            ? ApiErrors.NotFound()
            : OwnerEndpoints.Json(new ApiBranchDetail(branch.Name, ApiMapping.Time(branch.UpdatedAt), ApiMapping.CommitDetail(report)));
    }

    private static async Task<IResult> ListPullsAsync(string? state, ApiRepository repo, ApiPaging paging, HttpRequest request)
    {
        if (state is not (null or "open" or "closed" or "merged"))
            return ApiErrors.BadRequest($"Select a valid choice. {state} is not one of the available choices.");
        var page = await repo.Queries.ListPullsAsync(state, paging.Request);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, ApiMapping.Pull));
    }

    private static async Task<IResult> GetPullAsync(int pullid, ApiRepository repo) =>
        await repo.Queries.GetPullAsync(pullid) is { } pull ? OwnerEndpoints.Json(ApiMapping.Pull(pull)) : ApiErrors.NotFound();
}
