using System.Globalization;
using Codecov.Grains.Queries;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Codecov.Gateway.Api;

/// <summary>DRF's page shape as Codecov's <c>StandardPageNumberPagination</c> writes it.</summary>
public sealed record ApiPage<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results, int TotalPages);

/// <summary>
/// Codecov's page-number pagination: <c>page</c> (1-based) and <c>page_size</c> (default 20, as Codecov's
/// <c>PAGE_SIZE</c>; capped here at 100 so one response stays small); <c>next</c>/<c>previous</c> are
/// absolute URLs with the page replaced, the first page's link without it, as DRF writes them.
/// </summary>
public sealed record ApiPaging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public PageRequest Request => new(Page, PageSize);

    public static ValueTask<ApiPaging?> BindAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var size = int.TryParse(query["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0
            ? Math.Min(s, MaxPageSize)
            : DefaultPageSize;
        var page = query.ContainsKey("page")
            ? int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0
            : 1;
        return ValueTask.FromResult<ApiPaging?>(new ApiPaging(page, size));
    }

    /// <summary>DRF's "Invalid page." for a page that is not a positive number or lies past the last page.</summary>
    public bool IsInvalid(int total) => Page < 1 || Page > TotalPages(total);

    public int TotalPages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    public IResult Invalid() => ApiErrors.NotFound("Invalid page.");

    public ApiPage<TOut> Shape<TIn, TOut>(HttpRequest request, ResultPage<TIn> page, Func<TIn, TOut> map)
    {
        var pages = TotalPages(page.Total);
        return new ApiPage<TOut>(page.Total,
            Page < pages ? Link(request, Page + 1) : null,
            Page > 1 ? Link(request, Page - 1) : null,
            page.Items.Select(map).ToList(), pages);
    }

    /// <summary>A whole list that fits in memory anyway (a commit's uploads), cut into Codecov's pages.</summary>
    public ResultPage<T> Slice<T>(IReadOnlyList<T> all) =>
        new(all.Skip(Request.Offset).Take(PageSize).ToList(), all.Count);

    private static string Link(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query.Remove("page");
        var builder = new QueryBuilder(query.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))));
        if (page > 1) builder.Add("page", page.ToString(CultureInfo.InvariantCulture));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{builder.ToQueryString()}";
    }
}
