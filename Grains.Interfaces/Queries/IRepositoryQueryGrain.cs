using Codecov.Grains.Commits;

namespace Codecov.Grains.Queries;

/// <summary>
/// What lists, trends and pages show of one repository, read from the query index without
/// activating a grain per row (stateless; key: <see cref="RepositoryKey"/>). Callers decide first
/// whether the repository may be seen.
/// </summary>
[Alias("codecov.IRepositoryQueryGrain")]
public interface IRepositoryQueryGrain : IGrainWithStringKey
{
    /// <summary>The repository with its activity and default branch's latest totals; null when unknown.</summary>
    [Alias("GetSummary")]
    Task<RepositorySummary?> GetSummaryAsync();

    [Alias("ListBranches")]
    Task<ResultPage<BranchSummary>> ListBranchesAsync(PageRequest page);

    [Alias("GetBranch")]
    Task<BranchSummary?> GetBranchAsync(string name);

    /// <summary>Commits newest first, optionally of one branch.</summary>
    [Alias("ListCommits")]
    Task<ResultPage<CommitInfo>> ListCommitsAsync(string? branch, PageRequest page);

    [Alias("GetCommit")]
    Task<CommitInfo?> GetCommitAsync(string sha);

    /// <summary>
    /// The commit a report request means (Codecov's <c>get_commit</c>): <paramref name="sha"/> when given,
    /// else the head of <paramref name="branch"/>, else of the default branch.
    /// </summary>
    [Alias("ResolveCommit")]
    Task<CommitResolution> ResolveCommitAsync(string? sha, string? branch);

    /// <summary>Pull requests, highest number first, optionally in one state (<c>open</c>, <c>closed</c>, <c>merged</c>).</summary>
    [Alias("ListPulls")]
    Task<ResultPage<PullSummary>> ListPullsAsync(string? state, PageRequest page);

    [Alias("GetPull")]
    Task<PullSummary?> GetPullAsync(int pullId);

    /// <summary>Every flag the repository's uploads carried, by name.</summary>
    [Alias("ListFlags")]
    Task<IReadOnlyList<string>> ListFlagsAsync();

    /// <summary>The per-flag totals of one commit.</summary>
    [Alias("GetFlagTotals")]
    Task<IReadOnlyList<FlagTotals>> GetFlagTotalsAsync(string sha);

    /// <summary>Coverage per time bucket (a branch, optionally one flag's sessions), oldest first.</summary>
    [Alias("GetCoverageTrend")]
    Task<IReadOnlyList<CoverageBucket>> GetCoverageTrendAsync(CoverageTrendQuery query);
}

/// <summary>
/// A coverage trend: buckets of <see cref="BucketDays"/> days from <see cref="From"/> to <see cref="To"/>, of one
/// <see cref="Branch"/> (null: every branch) and optionally one <see cref="Flag"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.CoverageTrendQuery")]
public sealed record CoverageTrendQuery(
    [property: Id(0)] string? Branch,
    [property: Id(1)] string? Flag,
    [property: Id(2)] DateTimeOffset From,
    [property: Id(3)] DateTimeOffset To,
    [property: Id(4)] int BucketDays);

/// <summary>The commit a request resolved to, or why there is none (Codecov's wording).</summary>
[GenerateSerializer, Immutable, Alias("codecov.CommitResolution")]
public sealed record CommitResolution([property: Id(0)] CommitInfo? Commit, [property: Id(1)] string? Problem);
