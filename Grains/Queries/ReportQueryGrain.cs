using System.Runtime.CompilerServices;
using Codecov.Grains.Commits;
using Codecov.Grains.Notifications;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Storage;
using Orleans.Concurrency;

namespace Codecov.Grains.Queries;

/// <summary>Streams report archives; stateless so every silo reads in parallel.</summary>
[StatelessWorker]
public sealed class ReportQueryGrain(IObjectStore objects, CommitComponents components) : Grain, IReportQueryGrain
{
    public async IAsyncEnumerable<FileCoverage> ReadFilesAsync(CommitKey commit, ReportSelection selection,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var file in SelectedFilesAsync(commit, selection, cancellationToken))
            yield return CommitReportView.File(file, selection.Lines);
    }

    public async Task<ReportTotals?> TotalsAsync(CommitKey commit, ReportSelection selection)
    {
        var grain = GrainFactory.GetGrain<ICommitGrain>(commit.ToString());
        if (await grain.GetReportKeyAsync() is null) return null;
        var sessions = new HashSet<int>();
        var totals = new List<ReportTotals>();
        await foreach (var file in SelectedFilesAsync(commit, selection, CancellationToken.None, sessions))
            totals.Add(file.Totals);
        return LineTotals.Sum(totals) with { Sessions = sessions.Count };
    }

    public async Task<IReadOnlyList<ComponentTotals>> ComponentsAsync(CommitKey commit)
    {
        var grain = GrainFactory.GetGrain<ICommitGrain>(commit.ToString());
        var flags = CommitSnapshots.FlagsOf(await grain.GetUploadsAsync());
        var definitions = await components.LoadAsync(commit, flags.AllFlags());
        if (definitions.Count == 0 || await grain.GetReportKeyAsync() is not { } key)
            return definitions.Select(d => new ComponentTotals(d.Id ?? d.Name, d.Name, d.Flags, d.Paths, null)).ToList();

        // One pass over the archive for every component (Codecov's component_filtered_report each).
        var filters = definitions.Select(d => (
            Matcher: d.Paths.Count == 0 ? PathMatcher.All : PathMatcher.FromUserPatterns(d.Paths),
            Keep: d.Flags.Count == 0 ? null : flags.SessionsWithAny(d.Flags),
            Totals: new List<ReportTotals>())).ToList();
        await using var stream = await objects.OpenReadAsync(key) ?? throw new InvalidOperationException($"The merged report archive {key} of {commit} is missing.");
        var sessions = new List<int>();
        await foreach (var file in ReportArchive.ReadFilesAsync(stream, sessions.Add))
        {
            foreach (var filter in filters)
                if (filter.Matcher.Includes(file.Path) && ReportFilter.Restrict(file, filter.Keep) is { } kept) filter.Totals.Add(kept.Totals);
        }
        return definitions.Zip(filters, (d, f) => new ComponentTotals(d.Id ?? d.Name, d.Name, d.Flags, d.Paths,
            LineTotals.Sum(f.Totals) with { Sessions = f.Keep is null ? sessions.Count : sessions.Count(f.Keep.Contains) })).ToList();
    }

    /// <summary>The archive's files that the selection keeps, restricted to the flag's sessions; <paramref name="sessions"/> collects the kept session ids.</summary>
    private async IAsyncEnumerable<FileReport> SelectedFilesAsync(CommitKey commit, ReportSelection selection,
        [EnumeratorCancellation] CancellationToken cancellationToken, HashSet<int>? sessions = null)
    {
        var grain = GrainFactory.GetGrain<ICommitGrain>(commit.ToString());
        if (selection.Nothing || await grain.GetReportKeyAsync() is not { } key) yield break;
        var wanted = selection.Flag is not null ? [selection.Flag] : selection.AnyFlags ?? [];
        IReadOnlySet<int>? keep = wanted.Count == 0 ? null : CommitSnapshots.FlagsOf(await grain.GetUploadsAsync()).SessionsWithAny(wanted);
        var matcher = selection.PathPatterns is { Count: > 0 } patterns ? PathMatcher.FromUserPatterns(patterns) : PathMatcher.All;
        var prefix = selection.Path?.TrimEnd('*').TrimEnd('/');
        await using var stream = await objects.OpenReadAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"The merged report archive {key} of {commit} is missing.");
        await foreach (var file in ReportArchive.ReadFilesAsync(stream, id => { if (keep is null || keep.Contains(id)) sessions?.Add(id); }, cancellationToken))
        {
            if (prefix is not null && !file.Path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (selection.File is not null && file.Path != selection.File) continue;
            if (!matcher.Includes(file.Path)) continue;
            if (ReportFilter.Restrict(file, keep) is { } kept) yield return kept;
        }
    }
}
