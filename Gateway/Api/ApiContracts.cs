using System.Globalization;
using System.Text.Json.Serialization;
using Codecov.Grains.Commits;
using Codecov.Grains.Queries;
using Codecov.Grains.Reports;
using Codecov.Grains.Uploads;

namespace Codecov.Gateway.Api;

// API v2 shapes, field for field as Codecov's serializers write them (codecov-api api/public/v2/*/serializers.py,
// api/shared/commit/serializers.py); names go out in snake_case (CodecovBodies.Json).

/// <summary><c>ReportTotalsSerializer</c>: coverage floored to 2 dp, 0 without lines.</summary>
public sealed record ApiTotals(
    int Files, int Lines, int Hits, int Misses, int Partials, double? Coverage, int Branches, int Methods,
    int Messages, int Sessions, double Complexity, double ComplexityTotal, double ComplexityRatio, int Diff);

/// <summary><c>CommitTotalsSerializer</c>: no <c>messages</c>; coverage null without lines.</summary>
public sealed record ApiCommitTotals(
    int Files, int Lines, int Hits, int Misses, int Partials, double? Coverage, int Branches, int Methods,
    int Sessions, double Complexity, double ComplexityTotal, double ComplexityRatio, int Diff);

/// <summary>The totals an upload carries (<c>UploadTotalsSerializer</c>).</summary>
public sealed record ApiUploadTotals(int Files, int Lines, int Hits, int Misses, int Partials, double? Coverage, int Branches, int Methods);

/// <summary><c>OwnerSerializer</c>; <c>name</c> is the provider's display name, unknown here.</summary>
public sealed record ApiOwner(string Service, string Username, string? Name);

public sealed record ApiUser(string Service, string Username, string? Name, bool Activated, bool IsAdmin, string? Email);

public sealed record ApiRepositoryItem(
    string Name, bool Private, string? Updatestamp, ApiOwner Author, string? Language, string Branch,
    bool Active, bool Activated, ApiCommitTotals? Totals);

public sealed record ApiBranch(string Name, string Updatestamp);

public sealed record ApiBranchDetail(string Name, string Updatestamp, ApiCommitDetail HeadCommit);

public sealed record ApiCommit(
    string Commitid, string? Message, string? Timestamp, bool? CiPassed, ApiOwner? Author, string? Branch,
    ApiCommitTotals? Totals, string State, string? Parent);

/// <summary><c>ReportFileSerializer</c>: <c>line_coverage</c> is left out where Codecov deletes it (totals).</summary>
public sealed record ApiFileReport(
    string Name, ApiTotals Totals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int[]>? LineCoverage);

public sealed record ApiReport(ApiTotals Totals, IReadOnlyList<ApiFileReport> Files);

public sealed record ApiCommitDetail(
    string Commitid, string? Message, string? Timestamp, bool? CiPassed, ApiOwner? Author, string? Branch,
    ApiCommitTotals? Totals, string State, string? Parent, ApiReport Report);

public sealed record ApiUploadError(string ErrorCode, string Message);

/// <summary><c>CommitUploadsSerializer</c> plus our <c>external_id</c> and <c>errors</c> (Codecov's internal upload fields).</summary>
public sealed record ApiUpload(
    string CreatedAt, string UpdatedAt, string? StoragePath, IReadOnlyList<string> Flags, string? Provider, string? BuildCode,
    string? Name, string? JobCode, string? BuildUrl, string State, int? StateId, string? StateName,
    IReadOnlyDictionary<string, string> Env, string UploadType, object UploadExtras, ApiUploadTotals? Totals,
    string ExternalId, IReadOnlyList<ApiUploadError> Errors);

public sealed record ApiPullPatch(int Hits, int Misses, int Partials, double Coverage);

public sealed record ApiPull(
    int Pullid, string? Title, ApiCommitTotals? BaseTotals, ApiCommitTotals? HeadTotals, string Updatestamp,
    string State, bool? CiPassed, ApiOwner? Author, ApiPullPatch? Patch);

public sealed record ApiFileReportWithCommit(string Name, ApiTotals Totals, IReadOnlyList<int[]> LineCoverage, string CommitSha, string CommitFileUrl);

/// <summary><c>TreeSerializer</c>: <c>children</c> only on directories above the requested depth.</summary>
public sealed record ApiTreeNode(
    string Name, string FullPath, double? Coverage, int Lines, int Hits, int Partials, int Misses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiTreeNode>? Children);

public sealed record ApiMeasurement(string Timestamp, double Min, double Max, double Avg);

public sealed record ApiFlag(string FlagName, double Coverage);

public sealed record ApiComponent(string ComponentId, string Name, double? Coverage);

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
        totals.Files, totals.Lines, totals.Hits, totals.Misses, totals.Partials, FloorCoverage(totals.Coverage) ?? 0,
        totals.Branches, totals.Methods, totals.Messages, totals.Sessions, totals.Complexity, totals.ComplexityTotal,
        ComplexityRatio(totals.Complexity, totals.ComplexityTotal), 0);

    public static ApiCommitTotals CommitTotals(ReportTotals totals) => new(
        totals.Files, totals.Lines, totals.Hits, totals.Misses, totals.Partials, FloorCoverage(totals.Coverage),
        totals.Branches, totals.Methods, totals.Sessions, totals.Complexity, totals.ComplexityTotal,
        ComplexityRatio(totals.Complexity, totals.ComplexityTotal), 0);

    public static ApiUploadTotals UploadTotals(ReportTotals totals) => new(
        totals.Files, totals.Lines, totals.Hits, totals.Misses, totals.Partials, FloorCoverage(totals.Coverage), totals.Branches, totals.Methods);

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

    public static ApiFileReport File(FileCoverage file, bool lines = true) =>
        new(file.Path, Totals(file.Totals), lines ? LineCoverage(file) : null);

    public static IReadOnlyList<int[]> LineCoverage(FileCoverage file) => file.Lines.Select(l => new[] { l.Line, l.State }).ToArray();

    public static string Time(DateTimeOffset at) => Uploads.CodecovBodies.Timestamp(at);

    public static ApiCommit Commit(CommitInfo commit) => new(
        commit.Key.Sha, null, Time(commit.CreatedAt), null, null, commit.Branch,
        commit.Totals is null ? null : CommitTotals(commit.Totals), commit.State, commit.ParentSha);

    public static ApiCommitDetail CommitDetail(CommitReport report)
    {
        var c = Commit(report.Commit);
        return new ApiCommitDetail(c.Commitid, c.Message, c.Timestamp, c.CiPassed, c.Author, c.Branch, c.Totals, c.State, c.Parent,
            new ApiReport(Totals(report.Commit.Totals ?? ReportTotals.Empty), report.Files.Select(f => File(f)).ToArray()));
    }

    public static ApiRepositoryItem Repository(RepositorySummary repository) => new(
        repository.Key.Name, repository.IsPrivate, repository.UpdatedAt is { } at ? Time(at) : null,
        new ApiOwner(repository.Key.Service, repository.Key.Owner, null), null, repository.DefaultBranch,
        repository.Active, true, repository.Totals is null ? null : CommitTotals(repository.Totals));

    public static ApiPull Pull(PullSummary summary)
    {
        var pull = summary.Pull;
        return new ApiPull(pull.PullId, pull.Title,
            summary.BaseTotals is null ? null : CommitTotals(summary.BaseTotals),
            summary.HeadTotals is null ? null : CommitTotals(summary.HeadTotals),
            Time(pull.UpdatedAt), pull.State, null, null, null);
    }

    public static ApiTimelineEvent TimelineEvent(TimelineEntry entry) =>
        new(Time(entry.At), entry.Event, entry.Message, entry.UploadId);

    public static ApiUpload Upload(UploadInfo upload) => new(
        Time(upload.CreatedAt),
        Time(upload.ProcessedAt ?? upload.CreatedAt),
        null,
        upload.Request.Flags,
        upload.Request.CiService,
        upload.Request.BuildId,
        upload.Request.Name,
        upload.Request.JobCode,
        upload.Request.BuildUrl,
        upload.State,
        UploadStateId(upload.State),
        upload.State == UploadStates.Started ? null : upload.State,
        upload.Request.Env,
        upload.IsCarriedForward ? UploadInfo.CarriedForwardType : upload.Request.UploadType,
        upload.CarriedForwardFrom is { } from ? new Dictionary<string, string> { ["carriedforward_from"] = from } : new Dictionary<string, string>(),
        upload.Totals is null ? null : UploadTotals(upload.Totals),
        upload.UploadId,
        upload.Error is null ? [] : [new ApiUploadError(upload.Error.Code, upload.Error.Message)]);

    /// <summary>Codecov's <c>UploadState</c> ids: uploaded 1, processed 2, error 3.</summary>
    private static int? UploadStateId(string state) => state switch
    {
        UploadStates.Uploaded => 1,
        UploadStates.Processed => 2,
        UploadStates.Error => 3,
        _ => null,
    };

    public static ApiMeasurement Measurement(CoverageBucket bucket) =>
        new(Time(bucket.Start), bucket.Min, bucket.Max, bucket.Average);

    /// <summary>A flag's coverage as Codecov's flag list gives it: the filtered report's coverage, 0 without lines.</summary>
    public static ApiFlag Flag(string name, FlagTotals? totals) => new(name,
        double.TryParse(totals?.Totals.Coverage, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : 0);
}
