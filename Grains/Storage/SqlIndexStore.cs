using System.Data.Common;
using Codecov.Grains.Commits;
using Codecov.Grains.Queries;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;
using Dapper;

namespace Codecov.Grains.Storage;

/// <summary>
/// The index store's queries, written once for both databases (<see cref="IndexStatements"/>,
/// <see cref="IndexListStatements"/>); <see cref="SqliteIndexStore"/> and <see cref="PostgresIndexStore"/>
/// only say how a connection is opened.
/// </summary>
public abstract class SqlIndexStore : IIndexStore
{
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

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

    public async Task<ResultPage<OwnerSummary>> ListOwnersAsync(string service, bool includePrivate, PageRequest page, CancellationToken cancellationToken = default)
    {
        var visibility = includePrivate ? "" : IndexListStatements.OnlyPublic;
        var parameters = new { Service = service, IsPrivate = false, Limit = page.Size, page.Offset };
        await using var connection = await OpenAsync(cancellationToken);
        var owners = await connection.QueryAsync<string>(Command(
            IndexListStatements.OwnersOfService + visibility + IndexListStatements.GroupOwners + IndexListStatements.Page, parameters, cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(Command(IndexListStatements.CountOwnersOfService + visibility, parameters, cancellationToken));
        return new ResultPage<OwnerSummary>(owners.Select(o => new OwnerSummary(service, o)).ToList(), (int)total);
    }

    public async Task<ResultPage<RepositorySummary>> ListRepositoriesAsync(string service, string owner, RepositoryFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var where = RepositoryConditions(filter);
        var parameters = new DynamicParameters(new
        {
            Service = service,
            Owner = owner,
            IsPrivate = false,
            Search = filter.Search is null ? null : "%" + EscapeLike(filter.Search.ToLowerInvariant()) + "%",
            Limit = page.Size,
            page.Offset,
        });
        // One parameter per name: Dapper expands a list for SQLite but hands PostgreSQL an array, and "IN" needs a list in both.
        var names = filter.Names ?? [];
        for (var i = 0; i < names.Count; i++) parameters.Add(NameParameter(i), names[i]);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexListRows.RepositorySummaryRow>(Command(
            IndexListStatements.RepositorySummaryColumns + where + IndexListStatements.ByName + IndexListStatements.Page, parameters, cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(Command(IndexListStatements.CountRepositories + where, parameters, cancellationToken));
        return new ResultPage<RepositorySummary>(rows.Select(r => r.ToSummary()).ToList(), (int)total);
    }

    private static string RepositoryConditions(RepositoryFilter filter)
    {
        var where = IndexListStatements.OwnerRepositories;
        if (!filter.IncludePrivate) where += IndexListStatements.OnlyPublic;
        if (filter.Names is { Count: > 0 } names)
            where += IndexListStatements.NamedRepositories + "(" + string.Join(", ", names.Select((_, i) => "@" + NameParameter(i))) + ")";
        if (!string.IsNullOrEmpty(filter.Search)) where += IndexListStatements.NameContains;
        if (filter.Active is { } active) where += active ? IndexListStatements.HasCommits : IndexListStatements.HasNoCommits;
        return where;
    }

    private static string NameParameter(int i) => "Name" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    public async Task<ResultPage<BranchSummary>> ListBranchesAsync(RepositoryKey repository, PageRequest page, CancellationToken cancellationToken = default)
    {
        var parameters = new { Repository = repository.ToString(), Limit = page.Size, page.Offset };
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexListRows.BranchRow>(Command(
            IndexListStatements.Branches + IndexListStatements.GroupBranches + IndexListStatements.Page, parameters, cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(Command(IndexListStatements.CountBranches, parameters, cancellationToken));
        return new ResultPage<BranchSummary>(rows.Select(r => r.ToSummary()).ToList(), (int)total);
    }

    public async Task<BranchSummary?> GetBranchAsync(RepositoryKey repository, string branch, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexListRows.BranchRow>(Command(
            IndexListStatements.Branches + IndexListStatements.OneBranch + IndexListStatements.GroupBranches,
            new { Repository = repository.ToString(), Branch = branch }, cancellationToken));
        return row?.ToSummary();
    }

    public async Task<ResultPage<CommitInfo>> PageCommitsAsync(RepositoryKey repository, string? branch, PageRequest page, CancellationToken cancellationToken = default)
    {
        var parameters = new { Repository = repository.ToString(), Branch = branch, Limit = page.Size, page.Offset };
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexRows.CommitRow>(Command(
            branch is null ? IndexStatements.CommitsOfRepositoryPage : IndexStatements.CommitsOfBranchPage, parameters, cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(Command(
            branch is null ? IndexStatements.CountCommitsOfRepository : IndexStatements.CountCommitsOfBranch, parameters, cancellationToken));
        return new ResultPage<CommitInfo>(rows.Select(r => r.ToInfo()).ToList(), (int)total);
    }

    public async Task<CommitInfo?> GetCommitAsync(CommitKey key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexRows.CommitRow>(Command(
            IndexStatements.CommitByKey, new { Repository = key.Repository.ToString(), key.Sha }, cancellationToken));
        return row?.ToInfo();
    }

    public async Task UpsertPullAsync(PullIndexEntry pull, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Command(IndexListStatements.UpsertPull, new
        {
            Repository = pull.Repository.ToString(),
            pull.PullId,
            pull.State,
            pull.Title,
            pull.HeadSha,
            pull.HeadBranch,
            pull.BaseSha,
            pull.BaseBranch,
            UpdatedAt = IndexTimestamps.Format(pull.UpdatedAt),
        }, cancellationToken));
    }

    public async Task<ResultPage<PullSummary>> ListPullsAsync(RepositoryKey repository, string? state, PageRequest page, CancellationToken cancellationToken = default)
    {
        var known = state is null ? IndexListStatements.KnownPullsAll : IndexListStatements.KnownPullsInState;
        var pulls = state is null or "open"
            ? known + " UNION ALL " + IndexListStatements.PullsFromCommits + IndexListStatements.GroupPullsFromCommits
            : known;
        var parameters = new { Repository = repository.ToString(), State = state, Limit = page.Size, page.Offset };
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexListRows.PullRow>(Command(
            $"SELECT * FROM ({pulls}) AS u ORDER BY u.PullId DESC" + IndexListStatements.Page, parameters, cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(Command($"SELECT COUNT(*) FROM ({pulls}) AS u", parameters, cancellationToken));
        return new ResultPage<PullSummary>(rows.Select(r => r.ToSummary(repository)).ToList(), (int)total);
    }

    public async Task<PullSummary?> GetPullAsync(RepositoryKey repository, int pullId, CancellationToken cancellationToken = default)
    {
        var parameters = new { Repository = repository.ToString(), PullId = pullId };
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndexListRows.PullRow>(Command(
            IndexListStatements.KnownPullsAll + IndexListStatements.OneKnownPull, parameters, cancellationToken))
            ?? await connection.QuerySingleOrDefaultAsync<IndexListRows.PullRow>(Command(
                IndexListStatements.PullsFromCommits + IndexListStatements.OnePullFromCommits + IndexListStatements.GroupPullsFromCommits, parameters, cancellationToken));
        return row?.ToSummary(repository);
    }

    public async Task ReplaceCommitFlagsAsync(CommitKey commit, IReadOnlyList<FlagTotals> flags, CancellationToken cancellationToken = default)
    {
        var key = new { Repository = commit.Repository.ToString(), commit.Sha };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(IndexListStatements.DeleteCommitFlags, key, transaction, cancellationToken: cancellationToken));
        if (flags.Count > 0)
        {
            var rows = flags.Select(f => new { key.Repository, key.Sha, f.Flag, Totals = IndexListRows.Json(f.Totals), f.CarriedForward }).ToList();
            await connection.ExecuteAsync(new CommandDefinition(IndexListStatements.InsertCommitFlag, rows, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FlagTotals>> ListCommitFlagsAsync(CommitKey commit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IndexListRows.FlagRow>(Command(
            IndexListStatements.CommitFlags, new { Repository = commit.Repository.ToString(), commit.Sha }, cancellationToken));
        return rows.Select(r => r.ToFlag()).ToList();
    }

    public async Task<IReadOnlyList<string>> ListFlagNamesAsync(RepositoryKey repository, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(Command(IndexListStatements.FlagNames, new { Repository = repository.ToString() }, cancellationToken));
        return names.ToList();
    }

    public async Task<IReadOnlyList<TotalsAt>> ListTotalsAsync(RepositoryKey repository, string? branch, string? flag,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var select = (flag is null ? IndexListStatements.CommitTotals : IndexListStatements.FlagTotalsOfCommits)
            + (branch is null ? "" : IndexListStatements.OnBranch);
        var parameters = new
        {
            Repository = repository.ToString(), Branch = branch, Flag = flag,
            From = IndexTimestamps.Format(from), To = IndexTimestamps.Format(to),
        };
        await using var connection = await OpenAsync(cancellationToken);
        var before = await connection.QueryAsync<IndexListRows.TotalsRow>(Command(select + IndexListStatements.LastBefore, parameters, cancellationToken));
        var inRange = await connection.QueryAsync<IndexListRows.TotalsRow>(Command(select + IndexListStatements.InRange, parameters, cancellationToken));
        return before.Concat(inRange).Select(r => r.ToTotals()).ToList();
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
