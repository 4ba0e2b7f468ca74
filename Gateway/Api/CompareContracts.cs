using System.Globalization;
using Codecov.Grains.Queries;
using Codecov.Grains.Reports;

namespace Codecov.Gateway.Api;

// Comparison shapes of codecov-api api/shared/compare/serializers.py.

public sealed record ApiTotalsComparison(ApiTotals? Base, ApiTotals? Head, ApiTotals? Patch);

public sealed record ApiSides<T>(T? Base, T? Head);

public sealed record ApiDiffStats(int Added, int Removed);

public sealed record ApiLineComparison(string Value, ApiSides<int?> Number, ApiSides<int?> Coverage, bool IsDiff, bool Added, bool Removed, int? Sessions);

public sealed record ApiFileComparison(
    ApiSides<string> Name, ApiTotalsComparison Totals, bool HasDiff, ApiDiffStats? Stats,
    IReadOnlyDictionary<string, int> ChangeSummary, IReadOnlyList<ApiLineComparison> Lines);

public sealed record ApiGitDiff(IReadOnlyList<object> GitCommits);

public sealed record ApiComparison(
    string BaseCommit, string HeadCommit, ApiTotalsComparison Totals, IReadOnlyList<ApiCommit> CommitUploads, ApiGitDiff Diff,
    IReadOnlyList<ApiFileComparison> Files, IReadOnlyList<string> Untracked, bool HasUnmergedBaseCommits);

public sealed record ApiFlagComparison(string Name, ApiTotals? BaseReportTotals, ApiTotals? HeadReportTotals, ApiTotals DiffTotals);

public sealed record ApiComponentComparison(string ComponentId, string Name, ApiTotals? BaseReportTotals, ApiTotals? HeadReportTotals, ApiTotals DiffTotals);

public sealed record ApiImpactedFile(
    string? FileName, string? BaseName, string? HeadName, bool IsNewFile, bool IsRenamedFile, bool IsDeletedFile,
    ApiTotals? BaseCoverage, ApiTotals? HeadCoverage, ApiTotals? PatchCoverage, double? ChangeCoverage, int MissesCount);

public sealed record ApiImpactedFiles(
    string BaseCommit, string HeadCommit, ApiTotalsComparison Totals, IReadOnlyList<ApiCommit> CommitUploads, ApiGitDiff Diff,
    IReadOnlyList<ApiImpactedFile> Files, IReadOnlyList<string> Untracked, bool HasUnmergedBaseCommits, string State);

public sealed record ApiSegmentLine(int? BaseNumber, int? HeadNumber, int? BaseCoverage, int? HeadCoverage, string Content);

public sealed record ApiSegment(string Header, bool HasUnintendedChanges, IReadOnlyList<ApiSegmentLine> Lines);

public sealed record ApiSegments(IReadOnlyList<ApiSegment> Segments);

/// <summary>Maps a <see cref="ComparisonResult"/> to Codecov's comparison shapes.</summary>
public static class CompareMapping
{
    private static ApiTotals? Totals(ReportTotals? totals) => totals is null ? null : ApiMapping.Totals(totals);

    public static ApiTotalsComparison Totals(ComparisonResult c) => new(Totals(c.BaseTotals), Totals(c.HeadTotals), ApiMapping.Totals(c.PatchTotals));

    public static ApiComparison Comparison(ComparisonResult c, IReadOnlyList<ApiCommit> uploads, bool? hasDiff) => new(
        c.BaseSha, c.HeadSha, Totals(c), uploads, new ApiGitDiff([]),
        c.Files.Where(f => hasDiff is null || f.HasDiff == hasDiff).Select(File).ToList(), c.Untracked, false);

    public static ApiFileComparison File(FileComparison f) => new(
        new ApiSides<string>(f.BaseName, f.HeadName),
        new ApiTotalsComparison(Totals(f.BaseTotals), Totals(f.HeadTotals), Totals(f.PatchTotals)),
        f.HasDiff,
        f.HasDiff ? new ApiDiffStats(f.Added, f.Removed) : null,
        f.Changes is { } s ? new Dictionary<string, int> { ["hits"] = s.Hits, ["misses"] = s.Misses, ["partials"] = s.Partials } : new Dictionary<string, int>(),
        f.Hunks.SelectMany(h => h.Lines).Select(Line).ToList());

    private static ApiLineComparison Line(ComparedLine line)
    {
        var added = line.Value.StartsWith('+');
        var removed = line.Value.StartsWith('-');
        return new ApiLineComparison(line.Value, new ApiSides<int?>(line.BaseNumber, line.HeadNumber),
            new ApiSides<int?>(line.BaseCoverage, line.HeadCoverage), true, added, removed, line.HitSessions is > 0 ? line.HitSessions : null);
    }

    public static ApiFlagComparison Flag(FlagComparison f) =>
        new(f.Flag, Totals(f.BaseTotals), Totals(f.HeadTotals), ApiMapping.Totals(f.PatchTotals));

    public static ApiComponentComparison Component(ComponentComparison c) =>
        new(c.Id, c.Name, Totals(c.BaseTotals), Totals(c.HeadTotals), ApiMapping.Totals(c.PatchTotals));

    /// <summary>Files the change touched: in the diff, or with coverage changed outside it.</summary>
    public static ApiImpactedFiles Impacted(ComparisonResult c, IReadOnlyList<ApiCommit> uploads) => new(
        c.BaseSha, c.HeadSha, Totals(c), uploads, new ApiGitDiff([]),
        c.Files.Where(f => f.HasDiff || f.Changes is not null).Select(ImpactedFile).ToList(), c.Untracked, false, "processed");

    private static ApiImpactedFile ImpactedFile(FileComparison f) => new(
        f.HeadName ?? f.BaseName, f.BaseName, f.HeadName,
        f.BaseName is null && f.HeadName is not null,
        f.BaseName is not null && f.HeadName is not null && f.BaseName != f.HeadName,
        f.BaseName is not null && f.HeadName is null,
        Totals(f.BaseTotals), Totals(f.HeadTotals), Totals(f.PatchTotals),
        Percent(f.HeadTotals) - Percent(f.BaseTotals),
        (f.PatchTotals?.Misses ?? 0) + (f.PatchTotals?.Partials ?? 0));

    private static double? Percent(ReportTotals? totals) =>
        double.TryParse(totals?.Coverage, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Codecov's <c>ImpactedFileSegmentSerializer</c>: <c>-a,b +c,d</c> headers; a context line whose coverage changed is unintended.</summary>
    public static ApiSegments Segments(FileComparison f) => new(f.Hunks.Select(h => new ApiSegment(
        $"-{h.BaseStart},{h.BaseLength} +{h.HeadStart},{h.HeadLength}",
        h.Lines.Any(l => !l.Value.StartsWith('+') && !l.Value.StartsWith('-') && l.BaseCoverage != l.HeadCoverage),
        h.Lines.Select(l => new ApiSegmentLine(l.BaseNumber, l.HeadNumber, l.BaseCoverage, l.HeadCoverage,
            l.Value.Length > 0 && (l.Value[0] is '+' or '-') ? $"{l.Value[0]} {l.Value[1..]}" : " " + (l.Value.Length > 0 ? l.Value[1..] : ""))).ToList())).ToList());
}
