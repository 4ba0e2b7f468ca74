using System.Data.Common;
using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>
/// Embedded mode's query index: SQLite at <c>&lt;DataDirectory&gt;/index.db</c> in WAL mode (readers
/// never block the writer). The schema is migrated once, on first use, by <see cref="EnsureSchemaAsync"/>.
/// </summary>
public sealed class SqliteIndexStore : IIndexStore
{
    private readonly string connectionString;
    private readonly Lazy<Task> schema;

    public SqliteIndexStore(IOptions<StorageOptions> options)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "index.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        schema = new Lazy<Task>(MigrateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates or upgrades the schema; every other call awaits this first.</summary>
    public Task EnsureSchemaAsync() => schema.Value;

    public async Task UpsertRepositoryAsync(RepositoryInfo repository, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexStatements.UpsertRepository, IndexRows.RepositoryRow.From(repository), cancellationToken));
    }

    public async Task<RepositoryInfo?> FindRepositoryByUploadTokenAsync(string uploadToken, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexRows.RepositoryRow>(
            Command(IndexStatements.RepositoryByToken, new { UploadToken = uploadToken }, cancellationToken));
        return row?.ToInfo();
    }

    public async Task<RepositoryInfo?> GetRepositoryAsync(RepositoryKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexRows.RepositoryRow>(
            Command(IndexStatements.RepositoryByKey, new { key.Service, key.Owner, key.Name }, cancellationToken));
        return row?.ToInfo();
    }

    public async Task UpsertCommitAsync(CommitInfo commit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexStatements.UpsertCommit, IndexRows.CommitRow.From(commit), cancellationToken));
    }

    public async Task<IReadOnlyList<CommitInfo>> ListCommitsAsync(RepositoryKey repository, string? branch, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = branch is null ? IndexStatements.CommitsOfRepository : IndexStatements.CommitsOfBranch;
        var rows = await connection.QueryAsync<IndexRows.CommitRow>(
            Command(sql, new { Repository = repository.ToString(), Branch = branch, Limit = limit }, cancellationToken));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task UpsertUploadAsync(UploadKey key, string state, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
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
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexRows.UploadRow>(
            Command(IndexStatements.UploadsInState, new { State = UploadStates.Uploaded }, cancellationToken));
        return rows.Select(r => r.ToKey()).ToList();
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task MigrateAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        // WAL is a property of the database file: set once, it holds for every later connection.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        await connection.ExecuteAsync(IndexSchema.CreateMigrationTable);
        var applied = (await connection.QueryAsync<long>(IndexSchema.SelectAppliedVersions)).ToHashSet();
        foreach (var (version, statements) in IndexSchema.Migrations)
        {
            if (applied.Contains(version)) continue;
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var statement in statements) await connection.ExecuteAsync(statement, transaction: transaction);
            await connection.ExecuteAsync(IndexSchema.InsertAppliedVersion,
                new { Version = version, AppliedAt = IndexTimestamps.Format(DateTimeOffset.UtcNow) }, transaction);
            await transaction.CommitAsync();
        }
    }
}
