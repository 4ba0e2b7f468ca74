using Codecov.Grains.Commits;
using Codecov.Grains.Storage;
using Orleans.Concurrency;

namespace Codecov.Grains.Queries;

/// <summary>One repository's lists and trends straight from the index; stateless so every silo answers locally.</summary>
[StatelessWorker]
public sealed class RepositoryQueryGrain(IIndexStore index) : Grain, IRepositoryQueryGrain
{
    private RepositoryKey Key => RepositoryKey.Parse(this.GetPrimaryKeyString());

    public async Task<RepositorySummary?> GetSummaryAsync()
    {
        var key = Key;
        var page = await index.ListRepositoriesAsync(key.Service, key.Owner,
            new RepositoryFilter(IncludePrivate: true, Names: [key.Name]), new PageRequest(1, 1));
        return page.Items.FirstOrDefault();
    }

    public Task<ResultPage<BranchSummary>> ListBranchesAsync(PageRequest page) => index.ListBranchesAsync(Key, page);

    public Task<BranchSummary?> GetBranchAsync(string name) => index.GetBranchAsync(Key, name);

    public Task<ResultPage<CommitInfo>> ListCommitsAsync(string? branch, PageRequest page) => index.PageCommitsAsync(Key, branch, page);

    public Task<CommitInfo?> GetCommitAsync(string sha) => index.GetCommitAsync(Key.Commit(sha));

    public async Task<CommitResolution> ResolveCommitAsync(string? sha, string? branch)
    {
        if (string.IsNullOrEmpty(sha))
        {
            branch ??= (await index.GetRepositoryAsync(Key))?.DefaultBranch;
            var head = branch is null ? null : await index.GetBranchAsync(Key, branch);
            // Codecov's wording, typo included (api/shared/mixins.py get_commit).
            if (head is null) return new CommitResolution(null, $"The branch '{branch}' in not in our records. Please provide a valid branch name.");
            sha = head.HeadSha;
        }
        var commit = await index.GetCommitAsync(Key.Commit(sha));
        return commit is null
            ? new CommitResolution(null, $"The commit {sha} is not in our records. Please specify valid commit.")
            : new CommitResolution(commit, null);
    }

    public Task<ResultPage<PullSummary>> ListPullsAsync(string? state, PageRequest page) => index.ListPullsAsync(Key, state, page);

    public Task<PullSummary?> GetPullAsync(int pullId) => index.GetPullAsync(Key, pullId);

    public Task<IReadOnlyList<string>> ListFlagsAsync() => index.ListFlagNamesAsync(Key);

    public Task<IReadOnlyList<FlagTotals>> GetFlagTotalsAsync(string sha) => index.ListCommitFlagsAsync(Key.Commit(sha));

    public async Task<IReadOnlyList<CoverageBucket>> GetCoverageTrendAsync(CoverageTrendQuery query)
    {
        var points = await index.ListTotalsAsync(Key, query.Branch, query.Flag, query.From, query.To);
        return CoverageTrend.Buckets(points, query.From, query.BucketDays);
    }
}
