using Codecov.Gateway.Hosting;
using System.Globalization;
using Codecov.Gateway.Uploads;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Queries;
using Codecov.Grains.Reports;

namespace Codecov.Gateway.Api;

/// <summary>
/// Coverage of one commit — <c>sha</c>, else the head of <c>branch</c>, else of the default branch —
/// optionally filtered by <c>path</c> prefix and <c>flag</c> (codecov-api <c>report/views.py</c>).
/// <c>report/</c> streams straight from the report archive.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder repository)
    {
        var coverage = repository.MapGroup("").WithTags("Coverage");
        coverage.MapGet("/totals/", (ApiRepository repo, HttpRequest request, PublicUrls urls, string? sha, string? branch, string? path, string? flag, string? component_id) =>
                ReportAsync(repo, request, urls, new ReportQuery(sha, branch, path, flag, component_id), lines: false))
            .WithSummary("Commit coverage totals").WithDescription(Filters);
        coverage.MapGet("/report/", (ApiRepository repo, HttpRequest request, PublicUrls urls, string? sha, string? branch, string? path, string? flag, string? component_id) =>
                ReportAsync(repo, request, urls, new ReportQuery(sha, branch, path, flag, component_id), lines: true))
            .WithSummary("Commit coverage report").WithDescription(Filters + " Line states: 0 hit, 1 miss, 2 partial. Streamed.");
        coverage.MapGet("/report/tree", TreeAsync).WithSummary("Coverage report tree")
            .WithDescription("`depth` (default 1) levels below `path` (default the root), with totals rolled up.");
        coverage.MapGet("/file_report/{**path}", FileReportAsync).WithSummary("File coverage report")
            .WithDescription("`sha` or `branch`; `walk_back` (≤ 20) parents to search for the file, stopping at `oldest_sha`.");
        return repository;
    }

    private const string Filters = "Commit: `sha`, else the head of `branch`, else of the default branch. Filters: `path` (prefix), `flag`, `component_id`.";

    private sealed record ReportQuery(string? Sha, string? Branch, string? Path, string? Flag, string? ComponentId)
    {
        public ReportSelection Selection(bool lines) => new(string.IsNullOrEmpty(Path) ? null : Path, string.IsNullOrEmpty(Flag) ? null : Flag, lines);
    }

    private static async Task<IResult> ReportAsync(ApiRepository repo, HttpRequest request, PublicUrls urls, ReportQuery query, bool lines)
    {
        var resolved = await ResolveAsync(repo, query.Sha, query.Branch);
        if (resolved.Problem is not null) return resolved.Problem;
        var commit = resolved.Commit!;
        var selection = query.Selection(lines);
        if (!string.IsNullOrEmpty(query.ComponentId))
        {
            var component = (await repo.Reports.ComponentsAsync(commit.Key)).FirstOrDefault(c => c.Id == query.ComponentId);
            if (component is null) return ApiErrors.NotFound($"The component {query.ComponentId} does not exist in commit {commit.Key.Sha}");
            selection = WithComponent(selection, component);
        }
        var totals = selection.IsWholeReport ? commit.Totals : await repo.Reports.TotalsAsync(commit.Key, selection);
        if (totals is null) return ApiErrors.NotFound($"No coverage report found for commit {commit.Key.Sha}");
        if (selection.Path is not null && totals.Files == 0) return ApiErrors.NotFound($"No files or directories found matching path: {query.Path}");
        var files = repo.Reports.ReadFilesAsync(commit.Key, selection, request.HttpContext.RequestAborted);
        return new ReportStreamResult(ApiMapping.Totals(totals), files, lines, FileUrl(request, urls, commit.Key, query.Path, isFile: false));
    }

    /// <summary>
    /// Codecov's <c>filter_report</c>: a component narrows the report by its flags and paths only when no
    /// path or flag is given; with them, a path outside the component or a flag not among its flags
    /// empties the report, and otherwise path and flag alone decide.
    /// </summary>
    private static ReportSelection WithComponent(ReportSelection selection, ComponentTotals component)
    {
        if (selection.Path is null && selection.Flag is null) return selection with { AnyFlags = component.Flags, PathPatterns = component.Paths };
        var outside = selection.Path is not null && component.Paths.Count > 0 && !Grains.Paths.PathMatcher.FromUserPatterns(component.Paths).Includes(selection.Path);
        var otherFlag = selection.Flag is not null && component.Flags.Count > 0 && !component.Flags.Contains(selection.Flag);
        return outside || otherFlag ? selection with { Nothing = true } : selection;
    }

    private static async Task<IResult> TreeAsync(ApiRepository repo, string? sha, string? branch, string? path, string? flag, string? depth)
    {
        var resolved = await ResolveAsync(repo, sha, branch);
        if (resolved.Problem is not null) return resolved.Problem;
        if (!int.TryParse(depth ?? "1", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxDepth))
            return ApiErrors.BadRequest("depth must be a number.");
        var commit = resolved.Commit!;
        if (commit.Totals is null) return ApiErrors.NotFound($"No coverage report found for commit {commit.Key.Sha}");
        var selection = new ReportSelection(string.IsNullOrEmpty(path) ? null : path, string.IsNullOrEmpty(flag) ? null : flag);
        var files = new List<(string, ReportTotals)>();
        await foreach (var file in repo.Reports.ReadFilesAsync(commit.Key, selection)) files.Add((file.Path, file.Totals));
        if (selection.Path is not null && files.Count == 0) return ApiErrors.NotFound($"No files or directories found matching path: {path}");
        return OwnerEndpoints.Json(ReportTree.Children(files, path).Select(n => Node(n, 1, maxDepth)).ToList());
    }

    private static ApiTreeNode Node(ReportTreeNode node, int depth, int maxDepth) => new(
        node.Name, node.FullPath, Coverage(node.Totals), node.Totals.Lines, node.Totals.Hits, node.Totals.Partials, node.Totals.Misses,
        node.IsDirectory && depth < maxDepth ? node.Children!.Select(c => Node(c, depth + 1, maxDepth)).ToList() : null);

    /// <summary>TreeSerializer's float: the 5-decimal ratio Codecov stores for the node's lines.</summary>
    private static double? Coverage(ReportTotals totals) =>
        totals.Lines == 0 ? null : double.Parse(CoverageRatio.Of(totals.Hits, totals.Lines), CultureInfo.InvariantCulture);

    private static async Task<IResult> FileReportAsync(string path, ApiRepository repo, HttpRequest request, PublicUrls urls,
        string? sha, string? branch, int? walk_back, string? oldest_sha)
    {
        var walkBack = walk_back ?? 0;
        if (walkBack > 20) return ApiErrors.BadRequest("walk_back must be <= 20");
        var resolved = await ResolveAsync(repo, sha, branch);
        if (resolved.Problem is not null) return resolved.Problem;
        var commit = resolved.Commit!;
        var file = await FileAsync(repo, commit, path);
        // Codecov's walk: parents until a complete commit has the file, at most walk_back steps, never past oldest_sha.
        for (var step = 0; step < walkBack && !(commit.State == CommitStates.Complete && file is not null); step++)
        {
            if (commit.ParentSha is null || await repo.Queries.GetCommitAsync(commit.ParentSha) is not { } parent) { file = null; break; }
            commit = parent;
            file = await FileAsync(repo, commit, path);
            if (oldest_sha is not null && oldest_sha == commit.Key.Sha) break;
        }
        if (file is null) return ApiErrors.NotFound($"coverage info not found for path '{path}'");
        return OwnerEndpoints.Json(new ApiFileReportWithCommit(file.Path, ApiMapping.Totals(file.Totals), ApiMapping.LineCoverage(file),
            commit.Key.Sha, FileUrl(request, urls, commit.Key, path, isFile: true)));
    }

    private static async Task<FileCoverage?> FileAsync(ApiRepository repo, CommitInfo commit, string path)
    {
        if (commit.Totals is null) return null;
        await foreach (var file in repo.Reports.ReadFilesAsync(commit.Key, new ReportSelection(Lines: true, File: path))) return file;
        return null;
    }

    internal static async Task<(CommitInfo? Commit, IResult? Problem)> ResolveAsync(ApiRepository repo, string? sha, string? branch)
    {
        var resolution = await repo.Queries.ResolveCommitAsync(string.IsNullOrEmpty(sha) ? null : sha.ToLowerInvariant(), string.IsNullOrEmpty(branch) ? null : branch);
        return resolution.Commit is null ? (null, ApiErrors.NotFound(resolution.Problem!)) : (resolution.Commit, null);
    }

    /// <summary>Codecov's <c>dashboard_commit_file_url</c>: the commit's page, at the file or directory asked for.</summary>
    private static string FileUrl(HttpRequest request, PublicUrls urls, CommitKey commit, string? path, bool isFile) =>
        urls.For(request).CommitFile(commit, path ?? "", isFile);
}
