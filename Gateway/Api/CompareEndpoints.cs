using Codecov.Gateway.Uploads;
using Codecov.Grains.Queries;

namespace Codecov.Gateway.Api;

/// <summary>
/// Comparisons of two commits (<c>base</c> and <c>head</c>, each a sha or a branch) or of a pull request
/// (<c>pullid</c>), computed by the same comparison the statuses and comments use (codecov-api <c>compare/views.py</c>).
/// </summary>
public static class CompareEndpoints
{
    public static RouteGroupBuilder MapCompareEndpoints(this RouteGroupBuilder repository)
    {
        var compare = repository.MapGroup("/compare").WithTags("Comparison")
            .WithDescription("`base` and `head` (a sha or a branch each), or `pullid`.");
        compare.MapGet("/", async (ApiRepository repo, HttpRequest request, IGrainFactory grains, bool? has_diff) =>
                await WithComparisonAsync(repo, request, grains, (c, uploads) => Json(CompareMapping.Comparison(c, uploads, has_diff))))
            .WithSummary("Comparison");
        compare.MapGet("/file/{**path}", (string path, ApiRepository repo, HttpRequest request, IGrainFactory grains) =>
                WithComparisonAsync(repo, request, grains, (c, _) => c.Files.FirstOrDefault(f => f.HeadName == path) is { } file
                    ? Json(CompareMapping.File(file))
                    : ApiErrors.NotFound("File not found in head report.")))
            .WithSummary("File comparison");
        compare.MapGet("/flags", (ApiRepository repo, HttpRequest request, IGrainFactory grains) =>
                WithComparisonAsync(repo, request, grains, (c, _) => Json(c.Flags.Select(CompareMapping.Flag).ToList())))
            .WithSummary("Flag comparison");
        compare.MapGet("/components", (ApiRepository repo, HttpRequest request, IGrainFactory grains) =>
                WithComparisonAsync(repo, request, grains, (c, _) => Json(c.Components.Select(CompareMapping.Component).ToList())))
            .WithSummary("Component comparison");
        compare.MapGet("/impacted_files", (ApiRepository repo, HttpRequest request, IGrainFactory grains) =>
                WithComparisonAsync(repo, request, grains, (c, uploads) => Json(CompareMapping.Impacted(c, uploads))))
            .WithSummary("Impacted files comparison");
        compare.MapGet("/segments/{**path}", (string path, ApiRepository repo, HttpRequest request, IGrainFactory grains) =>
                WithComparisonAsync(repo, request, grains, (c, _) => c.Files.FirstOrDefault(f => f.HeadName == path) is { } file
                    ? Json(CompareMapping.Segments(file))
                    : Json(new ApiSegments([]))))
            .WithSummary("Segmented file comparison");
        return repository;
    }

    private static async Task<IResult> WithComparisonAsync(ApiRepository repo, HttpRequest request, IGrainFactory grains,
        Func<ComparisonResult, IReadOnlyList<ApiCommit>, IResult> answer)
    {
        var query = request.Query;
        CompareRequest compare;
        if (query.ContainsKey("pullid"))
        {
            if (!int.TryParse(query["pullid"], out var pullId)) return ApiErrors.NotFound();
            compare = new CompareRequest(null, null, pullId);
        }
        else
        {
            var missing = new[] { "base", "head" }.Where(k => string.IsNullOrEmpty(query[k])).ToList();
            // DRF's serializer validation body: one list of messages per field.
            if (missing.Count > 0)
                return TypedResults.Json(missing.ToDictionary(k => k, _ => new[] { "This field is required." }), CodecovBodies.Json, statusCode: StatusCodes.Status400BadRequest);
            compare = new CompareRequest(query["base"], query["head"], null);
        }
        var outcome = await grains.GetGrain<ICompareQueryGrain>(0).CompareAsync(repo.Key, compare);
        if (outcome.Comparison is not { } comparison) return ApiErrors.NotFound(outcome.Problem!);
        // Codecov's commit_uploads: the compared commits that have coverage (the head, here; the git history between is the provider's).
        var head = await repo.Queries.GetCommitAsync(comparison.HeadSha);
        return answer(comparison, head is null ? [] : [ApiMapping.Commit(head)]);
    }

    private static IResult Json<T>(T value) => OwnerEndpoints.Json(value);
}
