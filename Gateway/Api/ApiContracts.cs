using System.Globalization;
using Codecov.Grains.Commits;
using Codecov.Grains.Reports;
using Codecov.Grains.Uploads;

namespace Codecov.Gateway.Api;

/// <summary>API v2 totals (codecov-semantics §6): coverage as a float floored to 2 decimals.</summary>
public sealed record ApiTotals(
    int Files, int Lines, int Hits, int Misses, int Partials, double? Coverage, int Branches, int Methods,
    int Messages, int Sessions, double Complexity, double ComplexityTotal, double ComplexityRatio, int Diff);

public sealed record ApiFileTotals(string Name, ApiTotals Totals);

public sealed record ApiFileReport(string Name, ApiTotals Totals, IReadOnlyList<int[]> LineCoverage);

public sealed record ApiTotalsResponse(ApiTotals Totals, IReadOnlyList<ApiFileTotals> Files, string CommitFileUrl);

public sealed record ApiCommitReport(ApiTotals Totals, IReadOnlyList<ApiFileReport> Files);

public sealed record ApiCommitResponse(
    string Commitid, string? Message, string? Timestamp, bool? CiPassed, object? Author, string? Branch,
    ApiTotals? Totals, string State, string? Parent, ApiCommitReport Report);

public sealed record ApiUploadError(string ErrorCode, string Message);

public sealed record ApiUpload(
    string ExternalId, string CreatedAt, string State, string? Provider, string UploadType, string? CiUrl,
    IReadOnlyList<string> Flags, string? JobCode, string? Name, ApiTotals? Totals, IReadOnlyList<ApiUploadError> Errors);

/// <summary>DRF's page shape; everything fits on one page.</summary>
public sealed record ApiPage<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results, int TotalPages);

/// <summary>Our own addition to API v2: what happened to a commit, oldest first.</summary>
public sealed record ApiTimeline(string Commitid, IReadOnlyList<ApiTimelineEvent> Events);

public sealed record ApiTimelineEvent(string At, string Event, string Message, string? UploadId);

/// <summary>Body of <c>PUT …/config/provider-token</c>; a null or empty token returns to the site's bot token.</summary>
public sealed record ProviderTokenRequest(string? Token);

public sealed record ApiConfigResponse(string UploadToken, string? GraphToken);

/// <summary>Maps grain records to API v2 shapes.</summary>
public static class ApiMapping
{
    public static ApiTotals Totals(ReportTotals totals) => new(
        totals.Files, totals.Lines, totals.Hits, totals.Misses, totals.Partials, FloorCoverage(totals.Coverage),
        totals.Branches, totals.Methods, totals.Messages, totals.Sessions, totals.Complexity, totals.ComplexityTotal,
        ComplexityRatio(totals.Complexity, totals.ComplexityTotal), 0);

    /// <summary>
    /// Codecov's <c>round_decimals_down</c> on the stored coverage string: <c>"85.71429"</c> → 85.71
    /// (codecov-semantics §1 "Rounding": API v2 always floors to 2 dp). No lines → null.
    /// </summary>
    public static double? FloorCoverage(string? coverage)
    {
        if (!decimal.TryParse(coverage, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        return (double)(decimal.Floor(value * 100m) / 100m);
    }

    /// <summary>complexity / complexity_total as a percentage, 2 dp; 0 when there is no total.</summary>
    public static double ComplexityRatio(int complexity, int complexityTotal) =>
        complexityTotal == 0 ? 0 : Math.Round(complexity * 100.0 / complexityTotal, 2);

    public static ApiFileReport File(FileCoverage file) =>
        new(file.Path, Totals(file.Totals), file.Lines.Select(l => new[] { l.Line, l.State }).ToArray());

    public static ApiCommitResponse Commit(CommitReport report)
    {
        var commit = report.Commit;
        var totals = Totals(commit.Totals ?? ReportTotals.Empty);
        return new ApiCommitResponse(
            commit.Key.Sha, null, null, null, null, commit.Branch, totals, commit.State, commit.ParentSha,
            new ApiCommitReport(totals, report.Files.Select(File).ToArray()));
    }

    public static ApiTimelineEvent TimelineEvent(TimelineEntry entry) =>
        new(Uploads.CodecovBodies.Timestamp(entry.At), entry.Event, entry.Message, entry.UploadId);

    public static ApiUpload Upload(UploadInfo upload) => new(
        upload.UploadId,
        Uploads.CodecovBodies.Timestamp(upload.CreatedAt),
        upload.State,
        upload.Request.CiService,
        upload.Request.UploadType,
        upload.Request.BuildUrl,
        upload.Request.Flags,
        upload.Request.JobCode,
        upload.Request.Name,
        upload.Totals is null ? null : Totals(upload.Totals),
        upload.Error is null ? [] : [new ApiUploadError(upload.Error.Code, upload.Error.Message)]);
}
