using Codecov.Grains.Reports;

namespace Codecov.Grains.Queries;

/// <summary>Which page of a list: 1-based <see cref="Number"/>, <see cref="Size"/> rows per page.</summary>
[GenerateSerializer, Immutable, Alias("codecov.PageRequest")]
public sealed record PageRequest([property: Id(0)] int Number, [property: Id(1)] int Size)
{
    public int Offset => (Number - 1) * Size;
}

/// <summary>One page of a list and how many rows the whole list has.</summary>
[GenerateSerializer, Immutable, Alias("codecov.ResultPage`1")]
public sealed record ResultPage<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] int Total);

/// <summary>An owner (user or organisation) that has repositories here.</summary>
[GenerateSerializer, Immutable, Alias("codecov.OwnerSummary")]
public sealed record OwnerSummary([property: Id(0)] string Service, [property: Id(1)] string Username);

/// <summary>
/// Which repositories a list shows. <see cref="IncludePrivate"/> is the caller's right to see private
/// repositories; <see cref="Names"/> and <see cref="Search"/> (part of the name, any case) narrow it.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.RepositoryFilter")]
public sealed record RepositoryFilter(
    [property: Id(0)] bool IncludePrivate,
    [property: Id(1)] IReadOnlyList<string>? Names = null,
    [property: Id(2)] bool? Active = null,
    [property: Id(3)] string? Search = null);

/// <summary>
/// A repository as lists show it: <see cref="Totals"/> are those of the newest commit with a report on
/// its default branch; <see cref="UpdatedAt"/> is its newest commit's last change; active once it has commits.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.RepositorySummary")]
public sealed record RepositorySummary(
    [property: Id(0)] RepositoryKey Key,
    [property: Id(1)] bool IsPrivate,
    [property: Id(2)] string DefaultBranch,
    [property: Id(3)] bool Active,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? UpdatedAt,
    [property: Id(6)] ReportTotals? Totals);

/// <summary>A branch: its newest commit (the head) and when a commit of it last changed.</summary>
[GenerateSerializer, Immutable, Alias("codecov.BranchSummary")]
public sealed record BranchSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] string HeadSha,
    [property: Id(2)] DateTimeOffset UpdatedAt);

/// <summary>A pull request's latest state as the provider reported it.</summary>
[GenerateSerializer, Immutable, Alias("codecov.PullIndexEntry")]
public sealed record PullIndexEntry(
    [property: Id(0)] RepositoryKey Repository,
    [property: Id(1)] int PullId,
    [property: Id(2)] string State,
    [property: Id(3)] string? Title,
    [property: Id(4)] string? HeadSha,
    [property: Id(5)] string? HeadBranch,
    [property: Id(6)] string? BaseSha,
    [property: Id(7)] string? BaseBranch,
    [property: Id(8)] DateTimeOffset UpdatedAt);

/// <summary>
/// A pull request as lists show it. Known from the provider, or only from uploads that named it (then
/// its state is <c>open</c>, its head the newest commit uploaded for it and its base unknown).
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.PullSummary")]
public sealed record PullSummary(
    [property: Id(0)] PullIndexEntry Pull,
    [property: Id(1)] ReportTotals? HeadTotals,
    [property: Id(2)] ReportTotals? BaseTotals);

/// <summary>One flag's totals on one commit (the report filtered to the sessions with that flag).</summary>
[GenerateSerializer, Immutable, Alias("codecov.FlagTotals")]
public sealed record FlagTotals(
    [property: Id(0)] string Flag,
    [property: Id(1)] ReportTotals Totals,
    [property: Id(2)] bool CarriedForward);

/// <summary>A commit's totals at the time it was first seen, for trends.</summary>
[GenerateSerializer, Immutable, Alias("codecov.TotalsAt")]
public sealed record TotalsAt(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Sha,
    [property: Id(2)] ReportTotals Totals);

/// <summary>Coverage over one time bucket (Codecov's timeseries measurement): min, max and mean of the commits in it.</summary>
[GenerateSerializer, Immutable, Alias("codecov.CoverageBucket")]
public sealed record CoverageBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] double Min,
    [property: Id(2)] double Max,
    [property: Id(3)] double Average,
    [property: Id(4)] int Commits);
