using Codecov.Grains.Notifications;
using Codecov.Grains.Providers;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Codecov.Grains.Queries;

/// <summary>
/// API v2 comparisons with the notifications' own parts: <see cref="CommitSnapshots"/> for the two
/// reports, <see cref="BaseSelector"/> for a pull request's base, the provider's diff, and
/// <see cref="CoverageComparison"/>. Without a git provider (notifications off) a pull request is
/// compared with the base its webhook reported and the diff is empty.
/// </summary>
[StatelessWorker]
public sealed class CompareQueryGrain(
    IIndexStore index,
    CommitSnapshots snapshots,
    IGitProvider provider,
    BaseSelector bases,
    CommitComponents components,
    IOptions<NotificationOptions> notifications,
    ILogger<CompareQueryGrain> logger) : Grain, ICompareQueryGrain
{
    private static readonly TimeSpan ProviderPatience = TimeSpan.FromSeconds(20);

    public async Task<ComparisonOutcome> CompareAsync(RepositoryKey repository, CompareRequest request)
    {
        var (baseSha, headSha, problem) = request.PullId is { } pullId
            ? await PullShasAsync(repository, pullId)
            : await RefShasAsync(repository, request.Base!, request.Head!);
        if (problem is not null) return new ComparisonOutcome(null, problem);

        var baseCommit = await snapshots.LoadAsync(repository.Commit(baseSha!));
        var head = await snapshots.LoadAsync(repository.Commit(headSha!));
        // Codecov's MissingComparisonReport.
        if (!baseCommit.HasReport || !head.HasReport) return new ComparisonOutcome(null, "Raw report not found for base or head reference.");
        var diff = await DiffAsync(repository, baseSha!, headSha!);
        var definitions = await components.LoadAsync(head.Key, head.Flags.AllFlags());
        return new ComparisonOutcome(ComparisonView.Of(new CoverageComparison(baseCommit.Compared, head.Compared, diff), definitions), null);
    }

    /// <summary>Codecov's <c>CommitRefQueryParamSerializer</c>: each ref is a commit sha, else a branch whose head is used.</summary>
    private async Task<(string?, string?, string?)> RefShasAsync(RepositoryKey repository, string baseRef, string headRef)
    {
        var (baseSha, baseProblem) = await RefAsync(repository, baseRef);
        if (baseProblem is not null) return (null, null, baseProblem);
        var (headSha, headProblem) = await RefAsync(repository, headRef);
        return (baseSha, headSha, headProblem);
    }

    private async Task<(string? Sha, string? Problem)> RefAsync(RepositoryKey repository, string reference)
    {
        if (await index.GetCommitAsync(repository.Commit(reference.ToLowerInvariant())) is { } commit) return (commit.Key.Sha, null);
        if (await index.GetBranchAsync(repository, reference) is { } branch) return (branch.HeadSha, null);
        return (null, $"Commit or branch '{reference}' not found!");
    }

    /// <summary>Codecov's <c>PullRequestComparison</c>: the pull's head against its <c>compared_to</c> base.</summary>
    private async Task<(string?, string?, string?)> PullShasAsync(RepositoryKey repository, int pullId)
    {
        if (await index.GetPullAsync(repository, pullId) is not { } pull) return (null, null, "Not found.");
        const string missing = "Sorry, we are missing a commit for that pull request.";
        if (pull.Pull.HeadSha is not { } headSha || await index.GetCommitAsync(repository.Commit(headSha)) is not { } head) return (null, null, missing);
        var baseSha = await ComparedToAsync(repository, pullId, head) ?? pull.Pull.BaseSha;
        return baseSha is null ? (null, null, missing) : (baseSha, headSha, null);
    }

    private async Task<string?> ComparedToAsync(RepositoryKey repository, int pullId, Commits.CommitInfo head)
    {
        if (!notifications.Value.Enabled) return null;
        try
        {
            using var patience = new CancellationTokenSource(ProviderPatience);
            var repo = await RepositoryAccess.ForAsync(GrainFactory, repository);
            if (await provider.GetPullRequestAsync(repo, pullId, patience.Token) is not { } pull) return null;
            var choice = await bases.ChooseAsync(head.Key, head, repo, pull, patience.Token);
            return choice.ComparedTo?.Key.Sha ?? choice.DiffBaseSha;
        }
        catch (Exception e) when (e is GitProviderException or OperationCanceledException)
        {
            logger.LogInformation("Comparing pull {Pull} of {Repository} without the provider's base: {Message}", pullId, repository, e.Message);
            return null;
        }
    }

    /// <summary>The provider's base→head diff; without a provider, or when it refuses, the comparison has no diff.</summary>
    private async Task<IReadOnlyList<Reports.Comparison.DiffFile>> DiffAsync(RepositoryKey repository, string baseSha, string headSha)
    {
        if (!notifications.Value.Enabled) return [];
        try
        {
            using var patience = new CancellationTokenSource(ProviderPatience);
            var repo = await RepositoryAccess.ForAsync(GrainFactory, repository);
            return DiffMapping.ToComparison(await provider.GetDiffAsync(repo, baseSha, headSha, patience.Token));
        }
        catch (Exception e) when (e is GitProviderException or OperationCanceledException)
        {
            logger.LogInformation("Comparing {Base}...{Head} of {Repository} without a diff: {Message}", baseSha, headSha, repository, e.Message);
            return [];
        }
    }
}
