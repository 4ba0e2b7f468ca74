using System.Globalization;
using Codecov.Grains.Queries;

namespace Codecov.Gateway.Api;

/// <summary>Coverage over time and flags (codecov-api <c>coverage/views.py</c>, <c>flag/views.py</c>).</summary>
public static class TrendEndpoints
{
    /// <summary>Codecov's intervals and their bucket widths in days.</summary>
    private static readonly Dictionary<string, int> Intervals = new(StringComparer.Ordinal) { ["1d"] = 1, ["7d"] = 7, ["30d"] = 30 };

    public static RouteGroupBuilder MapTrendEndpoints(this RouteGroupBuilder repository)
    {
        repository.MapGet("/coverage/", (ApiRepository repo, ApiPaging paging, HttpRequest request, string? interval, string? branch, string? start_date, string? end_date) =>
                TrendAsync(repo, paging, request, new TrendRequest(interval, branch, null, start_date, end_date)))
            .WithTags("Coverage").WithSummary("Coverage trend")
            .WithDescription("`interval` 1d, 7d or 30d (required); `branch` (default branch when absent), `start_date`, `end_date`.");
        var flags = repository.MapGroup("/flags").WithTags("Flags");
        flags.MapGet("/", ListFlagsAsync).WithSummary("Flag list").WithDescription("Coverage of each flag on `sha`, else the head of `branch` or the default branch.");
        repository.MapGet("/components/", ListComponentsAsync).WithTags("Components").WithSummary("Component list")
            .WithDescription("Each component of the commit's codecov.yml with its coverage, on `sha`, else the head of `branch` or the default branch.");
        flags.MapGet("/{flag}/coverage/", (string flag, ApiRepository repo, ApiPaging paging, HttpRequest request, string? interval, string? branch, string? start_date, string? end_date) =>
                TrendAsync(repo, paging, request, new TrendRequest(interval, branch, flag, start_date, end_date)))
            .WithSummary("Flag coverage trend").WithDescription("As `coverage/`, over the sessions of one flag.");
        return repository;
    }

    private sealed record TrendRequest(string? Interval, string? Branch, string? Flag, string? StartDate, string? EndDate);

    private static async Task<IResult> TrendAsync(ApiRepository repo, ApiPaging paging, HttpRequest request, TrendRequest trend)
    {
        // Codecov's InvalidInterval: 422 with this exact detail.
        if (trend.Interval is null || !Intervals.TryGetValue(trend.Interval, out var days))
            return ApiErrors.Unprocessable("You must specify an interval (1d/7d/30d)");
        if (Date(trend.StartDate, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) is not { } from) return DateError("start_date", trend.StartDate!);
        if (Date(trend.EndDate, DateTimeOffset.UtcNow) is not { } to) return DateError("end_date", trend.EndDate!);
        var branch = string.IsNullOrEmpty(trend.Branch) ? repo.Info.DefaultBranch : trend.Branch;
        var buckets = await repo.Queries.GetCoverageTrendAsync(new CoverageTrendQuery(branch, trend.Flag, from, to, days));
        var page = paging.Slice(buckets);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, ApiMapping.Measurement));
    }

    private static async Task<IResult> ListFlagsAsync(ApiRepository repo, ApiPaging paging, HttpRequest request, string? sha, string? branch)
    {
        var names = await repo.Queries.ListFlagsAsync();
        // As Codecov: flags are listed even when the commit cannot be found, with coverage 0.
        var (commit, _) = await ReportEndpoints.ResolveAsync(repo, sha, branch);
        var totals = commit is null ? [] : await repo.Queries.GetFlagTotalsAsync(commit.Key.Sha);
        var flags = names.Select(n => ApiMapping.Flag(n, totals.FirstOrDefault(t => t.Flag == n))).ToList();
        var page = paging.Slice(flags);
        if (paging.IsInvalid(page.Total)) return paging.Invalid();
        return OwnerEndpoints.Json(paging.Shape(request, page, f => f));
    }

    private static async Task<IResult> ListComponentsAsync(ApiRepository repo, string? sha, string? branch)
    {
        var (commit, problem) = await ReportEndpoints.ResolveAsync(repo, sha, branch);
        if (problem is not null) return problem;
        var components = await repo.Reports.ComponentsAsync(commit!.Key);
        return OwnerEndpoints.Json(components.Select(c => new ApiComponent(c.Id, c.Name, ApiMapping.FloorCoverage(c.Totals?.Coverage))).ToList());
    }

    /// <summary>Django's <c>parse_datetime</c> accepts ISO 8601 dates and times; a bare date means its midnight UTC.</summary>
    private static DateTimeOffset? Date(string? text, DateTimeOffset fallback)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    private static IResult DateError(string name, string text) =>
        TypedResults.Json(new Dictionary<string, string> { [name] = $"'{text}' is not a valid datetime. Use YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format." },
            Uploads.CodecovBodies.Json, statusCode: StatusCodes.Status400BadRequest);
}
