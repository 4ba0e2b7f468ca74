using Codecov.Grains.Commits;
using Codecov.Grains.Paths;
using Codecov.Grains.Providers;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Notifications;

/// <summary>Sessions copied from an ancestor: their records (ids already assigned) and their lines.</summary>
public sealed record CarriedSessions(string FromSha, IReadOnlyList<UploadInfo> Uploads, CoverageReport Report);

/// <summary>
/// Codecov's carryforward (codecov-semantics §5): when a commit's report is first created and a flag
/// has <c>carryforward: true</c>, walk up to <see cref="MaxWalk"/> parents to the first commit whose
/// report is complete, and copy only its sessions carrying such a flag, restricted to the flag's
/// <c>paths</c>, renamed <c>CF[n] - name</c>, marked as carried forward, and with line numbers
/// shifted by the ancestor→commit diff.
/// </summary>
public sealed class Carryforward(IGitProvider provider, CommitYamlLoader yamlLoader, CommitSnapshots snapshots, IGrainFactory grains, TimeProvider clock)
{
    public const int MaxWalk = 10;

    public async Task<CarriedSessions?> FindAsync(CommitKey commit, CommitInfo info, int firstSessionId, CancellationToken cancellationToken)
    {
        var repo = await RepositoryAccess.ForAsync(grains, commit.Repository);
        var config = NotificationConfig.From((await yamlLoader.LoadAsync(commit.Repository, repo, commit.Sha, cancellationToken)).Final);
        if (config.Carryforward.Count == 0) return null;

        var source = await FindSourceAsync(commit, info, repo, cancellationToken);
        if (source?.Report is null) return null;

        var carried = new List<UploadInfo>();
        var report = new CoverageReport();
        foreach (var upload in source.Uploads.Where(u => u.State == UploadStates.Processed).OrderBy(u => u.SessionId))
        {
            var flags = upload.Request.Flags.Where(f => config.CarryforwardOf(f) is not null).ToList();
            if (flags.Count == 0) continue;
            var id = firstSessionId + carried.Count;
            var paths = flags.SelectMany(f => config.CarryforwardOf(f)!.Paths ?? []).ToList();
            Copy(source.Report, upload.SessionId, id, paths.Count == 0 ? PathMatcher.All : PathMatcher.FromUserPatterns(paths), report);
            carried.Add(upload with
            {
                UploadId = Guid.NewGuid().ToString(),
                SessionId = id,
                Request = upload.Request with { Name = $"CF[{carried.Count}] - {upload.Request.Name ?? string.Join(",", upload.Request.Flags)}", UploadType = UploadInfo.CarriedForwardType },
                CreatedAt = clock.GetUtcNow(),
                CarriedForwardFrom = source.Key.Sha,
            });
        }
        if (carried.Count == 0) return null;
        return new CarriedSessions(source.Key.Sha, carried, await ShiftAsync(report, repo, source.Key.Sha, commit.Sha, cancellationToken));
    }

    /// <summary>§5 step 4: line numbers follow the ancestor→commit diff; files the diff deletes are dropped.</summary>
    private async Task<CoverageReport> ShiftAsync(CoverageReport report, GitRepository repo, string fromSha, string toSha, CancellationToken cancellationToken)
    {
        UnifiedDiff changes;
        try
        {
            changes = await provider.GetDiffAsync(repo, fromSha, toSha, cancellationToken);
        }
        catch (GitProviderException e) when (e.IsNotFound)
        {
            return report; // no diff to follow (unrelated histories): lines stay where they were
        }
        var diff = DiffMapping.ToComparison(changes).ToDictionary(f => f.BasePath, StringComparer.Ordinal);
        if (diff.Count == 0) return report;
        var shifted = new CoverageReport();
        foreach (var id in report.SessionIds) shifted.AddSession(id);
        foreach (var file in report.Files)
        {
            if (!diff.TryGetValue(file.Path, out var change)) { shifted.GetOrAddFile(file.Path).Merge(file); continue; }
            if (change.Kind == Reports.Comparison.DiffFileKind.Deleted) continue;
            shifted.GetOrAddFile(change.Path).Merge(LineShift.Apply(file, change));
        }
        shifted.DropEmptyFiles();
        return shifted;
    }

    private async Task<SourceCommit?> FindSourceAsync(CommitKey commit, CommitInfo info, GitRepository repo, CancellationToken cancellationToken)
    {
        var parent = info.ParentSha ?? (await provider.GetCommitAsync(repo, commit.Sha, cancellationToken))?.ParentShas.FirstOrDefault();
        for (var step = 0; parent is not null && step < MaxWalk; step++)
        {
            var key = commit.Repository.Commit(parent);
            var snapshot = await snapshots.LoadAsync(key, cancellationToken);
            if (snapshot.Info?.State == CommitStates.Complete && snapshot.Report is not null)
                return new SourceCommit(key, snapshot.Report, await snapshots.UploadsAsync(key));
            parent = snapshot.Info?.ParentSha ?? (await provider.GetCommitAsync(repo, parent, cancellationToken))?.ParentShas.FirstOrDefault();
        }
        return null;
    }

    private static void Copy(CoverageReport from, int sessionId, int newId, PathMatcher paths, CoverageReport into)
    {
        into.AddSession(newId);
        foreach (var file in from.Files.Where(f => paths.Includes(f.Path)))
        {
            foreach (var (number, line) in file.Lines)
            {
                foreach (var session in line.Sessions.Where(s => s.SessionId == sessionId))
                    into.GetOrAddFile(file.Path).Append(number, new ReportLine(line.Kind, session with { SessionId = newId }));
            }
        }
        into.DropEmptyFiles();
    }

    private sealed record SourceCommit(CommitKey Key, CoverageReport? Report, IReadOnlyList<UploadInfo> Uploads);
}
