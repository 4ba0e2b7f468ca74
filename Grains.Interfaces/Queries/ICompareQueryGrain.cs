using Codecov.Grains.Reports;

namespace Codecov.Grains.Queries;

/// <summary>
/// Compares two commits, or a pull request's base and head, with the same comparison the
/// notifications use (stateless; key 0): totals, patch, per-file and per-flag changes.
/// </summary>
[Alias("codecov.ICompareQueryGrain")]
public interface ICompareQueryGrain : IGrainWithIntegerKey
{
    [Alias("Compare")]
    Task<ComparisonOutcome> CompareAsync(RepositoryKey repository, CompareRequest request);
}

/// <summary>What to compare: <see cref="Base"/> and <see cref="Head"/> (a sha or a branch name each), or a pull request.</summary>
[GenerateSerializer, Immutable, Alias("codecov.CompareRequest")]
public sealed record CompareRequest(
    [property: Id(0)] string? Base,
    [property: Id(1)] string? Head,
    [property: Id(2)] int? PullId);

/// <summary>The comparison, or why there is none (Codecov's wording; the API answers 404 with it).</summary>
[GenerateSerializer, Immutable, Alias("codecov.ComparisonOutcome")]
public sealed record ComparisonOutcome([property: Id(0)] ComparisonResult? Comparison, [property: Id(1)] string? Problem);

[GenerateSerializer, Immutable, Alias("codecov.ComparisonResult")]
public sealed record ComparisonResult(
    [property: Id(0)] string BaseSha,
    [property: Id(1)] string HeadSha,
    [property: Id(2)] ReportTotals? BaseTotals,
    [property: Id(3)] ReportTotals? HeadTotals,
    [property: Id(4)] ReportTotals PatchTotals,
    [property: Id(5)] IReadOnlyList<FileComparison> Files,
    [property: Id(6)] IReadOnlyList<FlagComparison> Flags,
    [property: Id(7)] IReadOnlyList<string> Untracked,
    [property: Id(8)] IReadOnlyList<ComponentComparison> Components);

/// <summary>One component's totals on both sides and over the patch.</summary>
[GenerateSerializer, Immutable, Alias("codecov.ComponentComparison")]
public sealed record ComponentComparison(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ReportTotals? BaseTotals,
    [property: Id(3)] ReportTotals? HeadTotals,
    [property: Id(4)] ReportTotals PatchTotals);

/// <summary>
/// One file of the head report against the base: names on both sides, totals, patch totals, diff
/// stats, coverage that changed outside the diff (head minus base), and the diff's lines.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.FileComparison")]
public sealed record FileComparison(
    [property: Id(0)] string? BaseName,
    [property: Id(1)] string? HeadName,
    [property: Id(2)] ReportTotals? BaseTotals,
    [property: Id(3)] ReportTotals? HeadTotals,
    [property: Id(4)] ReportTotals? PatchTotals,
    [property: Id(5)] bool HasDiff,
    [property: Id(6)] int Added,
    [property: Id(7)] int Removed,
    [property: Id(8)] ChangeSummary? Changes,
    [property: Id(9)] IReadOnlyList<DiffHunk> Hunks);

/// <summary>Lines whose coverage changed outside the diff: head minus base, per kind.</summary>
[GenerateSerializer, Immutable, Alias("codecov.ChangeSummary")]
public sealed record ChangeSummary([property: Id(0)] int Hits, [property: Id(1)] int Misses, [property: Id(2)] int Partials);

/// <summary>A diff hunk with each line's coverage on both sides (0 hit, 1 miss, 2 partial, null none).</summary>
[GenerateSerializer, Immutable, Alias("codecov.DiffHunk")]
public sealed record DiffHunk(
    [property: Id(0)] int BaseStart,
    [property: Id(1)] int BaseLength,
    [property: Id(2)] int HeadStart,
    [property: Id(3)] int HeadLength,
    [property: Id(4)] IReadOnlyList<ComparedLine> Lines);

[GenerateSerializer, Immutable, Alias("codecov.ComparedLine")]
public sealed record ComparedLine(
    [property: Id(0)] string Value,
    [property: Id(1)] int? BaseNumber,
    [property: Id(2)] int? HeadNumber,
    [property: Id(3)] int? BaseCoverage,
    [property: Id(4)] int? HeadCoverage,
    [property: Id(5)] int? HitSessions);

/// <summary>One flag's totals on both sides and over the patch.</summary>
[GenerateSerializer, Immutable, Alias("codecov.FlagComparison")]
public sealed record FlagComparison(
    [property: Id(0)] string Flag,
    [property: Id(1)] ReportTotals? BaseTotals,
    [property: Id(2)] ReportTotals? HeadTotals,
    [property: Id(3)] ReportTotals PatchTotals);
