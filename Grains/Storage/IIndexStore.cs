using Codecov.Grains.Commits;
using Codecov.Grains.Queries;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Storage;

/// <summary>
/// The query index: what must be found across grains (repositories by token, lists, trends, uploads
/// left unfinished). SQLite in embedded mode, PostgreSQL in cluster mode, one schema for both
/// (<see cref="IndexMigrations"/>). Each row has one writer, the grain that owns its facts, which
/// writes it after its own state; the index can always be rebuilt from grain state.
/// </summary>
public interface IIndexStore
{
    Task UpsertRepositoryAsync(RepositoryInfo repository, CancellationToken cancellationToken = default);

    Task<RepositoryInfo?> FindRepositoryByUploadTokenAsync(string uploadToken, CancellationToken cancellationToken = default);

    Task<RepositoryInfo?> GetRepositoryAsync(RepositoryKey key, CancellationToken cancellationToken = default);

    Task UpsertCommitAsync(CommitInfo commit, CancellationToken cancellationToken = default);

    /// <summary>Commits of a repository, newest first, optionally of one branch.</summary>
    Task<IReadOnlyList<CommitInfo>> ListCommitsAsync(RepositoryKey repository, string? branch, int limit, CancellationToken cancellationToken = default);

    Task UpsertUploadAsync(UploadKey key, string state, CancellationToken cancellationToken = default);

    /// <summary>Uploads whose processing has not finished (state <c>uploaded</c>), for the start-up sweep.</summary>
    Task<IReadOnlyList<UploadKey>> ListUnfinishedUploadsAsync(CancellationToken cancellationToken = default);

    /// <summary>Owners of a service that have repositories the caller may see, by name.</summary>
    Task<ResultPage<OwnerSummary>> ListOwnersAsync(string service, bool includePrivate, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>An owner's repositories, by name.</summary>
    Task<ResultPage<RepositorySummary>> ListRepositoriesAsync(string service, string owner, RepositoryFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Branches that have commits, most recently changed first.</summary>
    Task<ResultPage<BranchSummary>> ListBranchesAsync(RepositoryKey repository, PageRequest page, CancellationToken cancellationToken = default);

    Task<BranchSummary?> GetBranchAsync(RepositoryKey repository, string branch, CancellationToken cancellationToken = default);

    /// <summary>Commits newest first, optionally of one branch, one page of them.</summary>
    Task<ResultPage<CommitInfo>> PageCommitsAsync(RepositoryKey repository, string? branch, PageRequest page, CancellationToken cancellationToken = default);

    Task<CommitInfo?> GetCommitAsync(CommitKey key, CancellationToken cancellationToken = default);

    Task UpsertPullAsync(PullIndexEntry pull, CancellationToken cancellationToken = default);

    /// <summary>Pull requests newest first (highest id), optionally in one state.</summary>
    Task<ResultPage<PullSummary>> ListPullsAsync(RepositoryKey repository, string? state, PageRequest page, CancellationToken cancellationToken = default);

    Task<PullSummary?> GetPullAsync(RepositoryKey repository, int pullId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a commit's per-flag totals with <paramref name="flags"/>.</summary>
    Task ReplaceCommitFlagsAsync(CommitKey commit, IReadOnlyList<FlagTotals> flags, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FlagTotals>> ListCommitFlagsAsync(CommitKey commit, CancellationToken cancellationToken = default);

    /// <summary>Every flag any commit of the repository was uploaded with, by name.</summary>
    Task<IReadOnlyList<string>> ListFlagNamesAsync(RepositoryKey repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Totals of the commits with a report first seen in [<paramref name="from"/>, <paramref name="to"/>], oldest
    /// first, optionally of one branch and of one flag's sessions; plus the newest one before <paramref name="from"/>,
    /// so a trend can carry its value into the range.
    /// </summary>
    Task<IReadOnlyList<TotalsAt>> ListTotalsAsync(RepositoryKey repository, string? branch, string? flag, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
