using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Storage;

/// <summary>
/// The query index: what must be found across grains (repositories by token, commit lists,
/// uploads left unfinished). SQLite in embedded mode, PostgreSQL in cluster mode. Grains write
/// it after their own state; it can always be rebuilt from grain state.
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
}
