using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;
using Dapper;
using Npgsql;

namespace Codecov.Grains.Storage;

/// <summary>
/// Cluster mode's query index on PostgreSQL, running the same <see cref="IndexStatements"/> as
/// <see cref="SqliteIndexStore"/>. It never creates or alters tables: the schema comes from the
/// Silo's <c>migrate</c> command (Silo/Migrations/0003_query_index.sql), so silos run without DDL rights.
/// </summary>
public sealed class PostgresIndexStore(NpgsqlDataSource dataSource) : IIndexStore
{
    public async Task UpsertRepositoryAsync(RepositoryInfo repository, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexStatements.UpsertRepository, IndexRows.RepositoryRow.From(repository), cancellationToken));
    }

    public async Task<RepositoryInfo?> FindRepositoryByUploadTokenAsync(string uploadToken, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexRows.RepositoryRow>(
            Command(IndexStatements.RepositoryByToken, new { UploadToken = uploadToken }, cancellationToken));
        return row?.ToInfo();
    }

    public async Task<RepositoryInfo?> GetRepositoryAsync(RepositoryKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexRows.RepositoryRow>(
            Command(IndexStatements.RepositoryByKey, new { key.Service, key.Owner, key.Name }, cancellationToken));
        return row?.ToInfo();
    }

    public async Task UpsertCommitAsync(CommitInfo commit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexStatements.UpsertCommit, IndexRows.CommitRow.From(commit), cancellationToken));
    }

    public async Task<IReadOnlyList<CommitInfo>> ListCommitsAsync(RepositoryKey repository, string? branch, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sql = branch is null ? IndexStatements.CommitsOfRepository : IndexStatements.CommitsOfBranch;
        var rows = await connection.QueryAsync<IndexRows.CommitRow>(
            Command(sql, new { Repository = repository.ToString(), Branch = branch, Limit = limit }, cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task UpsertUploadAsync(UploadKey key, string state, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexStatements.UpsertUpload, new
        {
            Repository = key.Commit.Repository.ToString(),
            key.Commit.Sha,
            key.UploadId,
            State = state,
            UpdatedAt = IndexTimestamps.Format(DateTimeOffset.UtcNow),
        }, cancellationToken));
    }

    public async Task<IReadOnlyList<UploadKey>> ListUnfinishedUploadsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexRows.UploadRow>(
            Command(IndexStatements.UploadsInState, new { State = UploadStates.Uploaded }, cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
