using Codecov.Grains.Notifications;
using Codecov.Grains.Queries;
using Codecov.Grains.Reports;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Commits;

/// <summary>
/// A commit's uploads and merged report. Non-reentrant, so sessions merge one at a time; each
/// merge writes a new archive version first and the grain state pointing at it second, and merging
/// a session again is a no-op (same session id), so a crash between the two writes is repaired by
/// re-delivery and a write cut short never damages the report in use.
/// </summary>
public sealed class CommitGrain(
    [PersistentState("commit", StorageNames.Grains)] IPersistentState<CommitState> state,
    ReportArchiveStore archives,
    IIndexStore index,
    IOptions<CommitOptions> options,
    IOptions<NotificationOptions> notifications,
    CommitNotifier notifier,
    Carryforward carryforward,
    CommitFlagIndex flagIndex,
    TimeProvider clock,
    ILogger<CommitGrain> logger) : Grain, ICommitGrain, IRemindable
{
    /// <summary>The durable wake-up while a notification is pending (a silo may die mid-wait).</summary>
    private const string NotifyReminder = "notify";

    private CoverageReport? report;
    private IGrainTimer? notifyTimer;

    private CommitKey Key => CommitKey.Parse(this.GetPrimaryKeyString());

    public async Task<CommitInfo> UpsertAsync(CommitUpsert update)
    {
        var before = state.State.Info;
        var after = CommitRecord.Apply(before, update, Key, clock.GetUtcNow());
        if (after != before) await SaveAsync(after);
        return after;
    }

    public Task<CommitInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<CommitInfo> CreateReportAsync()
    {
        var info = CommitRecord.Apply(state.State.Info, new CommitUpsert(null, null, null), Key, clock.GetUtcNow());
        if (!info.ReportCreated || info != state.State.Info) await SaveAsync(info with { ReportCreated = true });
        return state.State.Info!;
    }

    public Task<UploadCreation> CreateUploadAsync(UploadRequest request) => UnlessUnsavedAsync(() => CreateUploadCoreAsync(request));

    private async Task<UploadCreation> CreateUploadCoreAsync(UploadRequest request)
    {
        var uploadId = UploadIdFor(request);
        if (request.UploadId is not null && FindUpload(uploadId) is { } created) return new UploadCreation(created, null);
        if (state.State.Uploads.Count(u => !u.IsCarriedForward) >= options.Value.MaxUploadsPerCommit)
        {
            if (state.State.Info is not null)
            {
                Record(TimelineEvents.UploadRefused, $"An upload was refused: {options.Value.MaxUploadsPerCommit} uploads is the limit (Commits:MaxUploadsPerCommit).");
                await state.WriteStateAsync();
            }
            return new UploadCreation(null, "Too many uploads to this commit.");
        }

        var now = clock.GetUtcNow();
        var info = CommitRecord.Apply(state.State.Info, new CommitUpsert(null, null, null), Key, now);
        var upload = new UploadInfo(uploadId, NextSessionId(), UploadStates.Started,
            request, now, null, null, null, []);
        state.State.Uploads.Add(upload);
        Record(TimelineEvents.UploadCreated, $"Upload {upload.SessionId} created{Describe(request)}.", upload.UploadId);
        state.State.Info = info with { ReportCreated = true, UpdatedAt = now };
        await state.WriteStateAsync();
        // Once stored, the upload exists: its index rows are written again on its next change (payload
        // accepted, merged), so an index that is down must not fail the request and make the client
        // create a second upload.
        await TryIndexAsync(async () =>
        {
            await index.UpsertCommitAsync(state.State.Info);
            await index.UpsertUploadAsync(Key.Upload(upload.UploadId), upload.State);
        });
        return new UploadCreation(upload, null);
    }

    public Task<UploadInfo?> GetUploadAsync(string uploadId) => Task.FromResult(FindUpload(uploadId));

    public Task RecordUploadReceivedAsync(string uploadId) => UnlessUnsavedAsync(async () =>
    {
        if (FindUpload(uploadId) is not { State: UploadStates.Started } upload) return false;
        ReplaceUpload(upload with { State = UploadStates.Uploaded });
        Record(TimelineEvents.UploadReceived, $"Upload {upload.SessionId}: payload stored, processing.", uploadId);
        await state.WriteStateAsync();
        return true;
    });

    public Task MergeSessionAsync(ProcessedSession session) => UnlessUnsavedAsync(() => MergeSessionCoreAsync(session));

    private async Task<bool> MergeSessionCoreAsync(ProcessedSession session)
    {
        if (FindUpload(session.UploadId) is not { } upload || upload.State == UploadStates.Processed) return false;

        var merged = await LoadReportAsync();
        await CarryForwardOnceAsync(merged);
        ReplaceCarriedForward(merged, upload.Request.Flags);
        var sessionReport = await archives.LoadAsync(session.ArchiveKey)
            ?? throw new InvalidOperationException($"Session archive {session.ArchiveKey} is missing.");
        merged.MergeFrom(sessionReport);
        var previousVersion = state.State.ReportVersion;
        await archives.SaveAsync(ObjectKeys.CommitReport(Key, previousVersion + 1), merged);
        state.State.ReportVersion = previousVersion + 1;

        var now = clock.GetUtcNow();
        ReplaceUpload(upload with
        {
            State = UploadStates.Processed, ProcessedAt = now, Totals = session.Totals, Formats = session.Formats, Error = null,
        });
        var totals = merged.Totals;
        Record(TimelineEvents.UploadMerged, $"Upload {upload.SessionId} merged ({string.Join(", ", session.Formats)}): " +
            $"{session.Totals.Coverage ?? "no"}% of {session.Totals.Lines} lines; commit now {totals.Coverage ?? "no"}% of {totals.Lines} lines.", upload.UploadId);
        await SaveAsync(state.State.Info! with { Totals = totals, State = CommitStates.Complete, UpdatedAt = now });
        await RemoveArchiveAsync(previousVersion - 1);
        await index.UpsertUploadAsync(Key.Upload(upload.UploadId), UploadStates.Processed);
        await flagIndex.WriteAsync(Key, merged, state.State.Uploads);
        await RequestNotificationAsync();
        logger.LogInformation("Merged upload {Upload} into {Commit}: {Coverage}% of {Lines} lines",
            upload.UploadId, Key, totals.Coverage, totals.Lines);
        return true;
    }

    public Task RecordUploadErrorAsync(string uploadId, UploadError error) => UnlessUnsavedAsync(() => RecordUploadErrorCoreAsync(uploadId, error));

    private async Task<bool> RecordUploadErrorCoreAsync(string uploadId, UploadError error)
    {
        if (FindUpload(uploadId) is not { } upload || upload.State == UploadStates.Processed) return false;

        var now = clock.GetUtcNow();
        ReplaceUpload(upload with { State = UploadStates.Error, ProcessedAt = now, Error = error });
        Record(TimelineEvents.UploadFailed, $"Upload {upload.SessionId} failed ({error.Code}): {error.Message}", uploadId);
        var info = state.State.Info!;
        var allFailed = state.State.Uploads.All(u => u.State == UploadStates.Error);
        await SaveAsync(info with { State = allFailed ? CommitStates.Error : info.State, UpdatedAt = now });
        await index.UpsertUploadAsync(Key.Upload(uploadId), UploadStates.Error);
        logger.LogWarning("Upload {Upload} of {Commit} failed: {Code} {Message}", uploadId, Key, error.Code, error.Message);
        return true;
    }

    /// <summary>
    /// Runs a change of the commit; if storing it fails, forgets what memory holds beyond the store, so
    /// the caller's retry finds the change undone instead of an unsaved "already done" (exactly-once merges).
    /// </summary>
    private async Task<T> UnlessUnsavedAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            report = null;
            // The next activation reads the stored state afresh, whatever the store says now.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<IReadOnlyList<UploadInfo>> GetUploadsAsync() =>
        Task.FromResult<IReadOnlyList<UploadInfo>>(state.State.Uploads.ToList());

    public Task<UploadCounts> GetUploadCountsAsync()
    {
        var uploads = state.State.Uploads;
        var success = uploads.Count(u => u.State == UploadStates.Processed);
        var error = uploads.Count(u => u.State == UploadStates.Error);
        return Task.FromResult(new UploadCounts(uploads.Count, success, uploads.Count - success - error, error));
    }

    public Task<string?> GetReportKeyAsync() => Task.FromResult(
        state.State.Info?.Totals is null ? null : ObjectKeys.CommitReport(Key, state.State.ReportVersion));

    public async Task<CommitReport?> GetReportAsync()
    {
        if (state.State.Info is not { } info) return null;
        var merged = await LoadReportAsync();
        return new CommitReport(info, CommitReportView.Files(merged), state.State.Uploads.ToList());
    }

    public async Task CiChangedAsync()
    {
        if (state.State.Notification is { Pending: true, WaitingForCi: true }) ArmNotifyTimer(TimeSpan.Zero);
        else if (state.State.Notification.Pending is false && state.State.Info?.Totals is not null) await RequestNotificationAsync();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Notification is { Pending: true } pending) ArmNotifyTimer(Until(pending.NextAttemptAt));
        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != NotifyReminder) return;
        if (!state.State.Notification.Pending) await StopRemindingAsync();
        else if (notifyTimer is null) ArmNotifyTimer(Until(state.State.Notification.NextAttemptAt));
    }

    /// <summary>New data: notify after the debounce, with a reminder as the durable fallback.</summary>
    private async Task RequestNotificationAsync()
    {
        if (!notifications.Value.Enabled) return;
        var n = state.State.Notification;
        if (!n.Pending) Record(NotificationEvents.Scheduled, $"Notifying in {notifications.Value.Debounce.TotalMilliseconds:0} ms unless more uploads arrive.");
        n.Pending = true;
        n.ProviderFailures = 0;
        n.NextAttemptAt = clock.GetUtcNow() + notifications.Value.Debounce;
        await state.WriteStateAsync();
        ArmNotifyTimer(notifications.Value.Debounce);
        try
        {
            var period = notifications.Value.ReminderPeriod;
            await this.RegisterOrUpdateReminder(NotifyReminder, period, period);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The timer still notifies while this activation lives; only the crash fallback is missing.
            logger.LogError(e, "Could not register the notification reminder of {Commit}", Key);
            Record(NotificationEvents.Scheduled, $"Notification scheduled without its durable reminder: {e.Message}");
        }
    }

    private void ArmNotifyTimer(TimeSpan due)
    {
        notifyTimer?.Dispose();
        notifyTimer = this.RegisterGrainTimer(NotifyAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        // Disposing the running timer would cancel this very callback: let it finish, then dispose it.
        using var running = notifyTimer;
        notifyTimer = null;
        var n = state.State.Notification;
        if (!n.Pending || state.State.Info is not { } info) return;

        var outcome = await AttemptAsync(info, n, cancellationToken);
        foreach (var (@event, message) in outcome.Log) Record(@event, message);
        n.PostedStatuses = new Dictionary<string, string>(outcome.PostedStatuses, StringComparer.Ordinal);
        n.WaitingForCi = outcome.WaitingForCi;
        if (outcome.Result == NotificationResult.Retry)
        {
            if (outcome.WaitingForCi) n.CiWaits++;
            if (outcome.ProviderFailed) n.ProviderFailures++;
            n.NextAttemptAt = clock.GetUtcNow() + outcome.RetryAfter!.Value;
            await state.WriteStateAsync();
            ArmNotifyTimer(outcome.RetryAfter.Value);
            return;
        }
        n.Pending = false;
        n.NextAttemptAt = null;
        n.ProviderFailures = 0;
        await state.WriteStateAsync();
        await StopRemindingAsync();
    }

    private async Task<NotificationOutcome> AttemptAsync(CommitInfo info, NotificationState n, CancellationToken cancellationToken)
    {
        try
        {
            var run = new NotificationRun(Key, info, await LoadReportAsync(), state.State.Uploads.ToList(), n.PostedStatuses, n.ProviderFailures, n.CiWaits);
            return await notifier.RunAsync(run, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of ours or of the cluster: keep the attempt alive, back off like a provider fault.
            logger.LogError(e, "Notification of {Commit} failed", Key);
            var delay = notifications.Value.ProviderRetryDelay * Math.Pow(2, n.ProviderFailures);
            return new NotificationOutcome(NotificationResult.Retry, delay,
                [(NotificationEvents.Retrying, $"Notification failed ({e.Message}); retrying in {delay.TotalSeconds:0.#} s.")],
                n.PostedStatuses, ProviderFailed: true);
        }
    }

    private async Task StopRemindingAsync()
    {
        if (await this.GetReminder(NotifyReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private TimeSpan Until(DateTimeOffset? at) =>
        at is { } due && due > clock.GetUtcNow() ? due - clock.GetUtcNow() : TimeSpan.Zero;

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync() =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>(state.State.Timeline.ToList());

    private void Record(string @event, string message, string? uploadId = null) =>
        CommitTimeline.Append(state.State.Timeline, new TimelineEntry(clock.GetUtcNow(), @event, message, uploadId));

    private static string Describe(UploadRequest request)
    {
        var parts = new List<string>();
        if (request.Flags.Count > 0) parts.Add("flags " + string.Join(",", request.Flags));
        if (!string.IsNullOrEmpty(request.Name)) parts.Add($"name {request.Name}");
        if (!string.IsNullOrEmpty(request.CiService)) parts.Add($"from {request.CiService}");
        return parts.Count == 0 ? "" : " (" + string.Join("; ", parts) + ")";
    }

    /// <summary>Copies an ancestor's carryforward sessions into the report when it is first created.</summary>
    private async Task CarryForwardOnceAsync(CoverageReport merged)
    {
        if (state.State.CarryforwardChecked || !notifications.Value.Enabled) return;
        state.State.CarryforwardChecked = true;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            if (await carryforward.FindAsync(Key, state.State.Info!, NextSessionId(), timeout.Token) is not { } carried) return;
            merged.MergeFrom(carried.Report);
            state.State.Uploads.AddRange(carried.Uploads);
            Record(NotificationEvents.Carryforward, $"Carried forward {carried.Uploads.Count} session(s) of flags " +
                $"{string.Join(", ", carried.Uploads.SelectMany(u => u.Request.Flags).Distinct())} from {carried.FromSha[..Math.Min(7, carried.FromSha.Length)]}.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Carryforward needs the provider; its absence must never hold up merging an upload.
            Record(NotificationEvents.Carryforward, $"Carryforward skipped: {e.Message}");
        }
    }

    /// <summary>A real upload for a flag replaces that flag's carried-forward sessions (§5 step 5).</summary>
    private void ReplaceCarriedForward(CoverageReport merged, IReadOnlyList<string> flags)
    {
        var replaced = state.State.Uploads.Where(u => u.IsCarriedForward && u.Request.Flags.Intersect(flags).Any()).ToList();
        if (replaced.Count == 0) return;
        merged.RemoveSessions(replaced.Select(u => u.SessionId).ToHashSet());
        state.State.Uploads.RemoveAll(replaced.Contains);
        Record(NotificationEvents.Carryforward, $"A new upload replaced {replaced.Count} carried-forward session(s) of flags {string.Join(", ", flags)}.");
    }

    private static string UploadIdFor(UploadRequest request) =>
        Guid.TryParse(request.UploadId, out var chosen) ? chosen.ToString() : Guid.NewGuid().ToString();

    private int NextSessionId() => state.State.Uploads.Count == 0 ? 0 : state.State.Uploads.Max(u => u.SessionId) + 1;

    /// <summary>
    /// The merged report the state points to. A commit with totals whose archive is missing is a fault
    /// (the store is not answering as it should), never an empty report to merge into.
    /// </summary>
    private async Task<CoverageReport> LoadReportAsync()
    {
        if (report is not null) return report;
        var key = ObjectKeys.CommitReport(Key, state.State.ReportVersion);
        var stored = await archives.LoadAsync(key);
        if (stored is null && state.State.Info?.Totals is not null)
            throw new InvalidOperationException($"The merged report archive {key} of {Key} is missing.");
        return report = stored ?? new CoverageReport();
    }

    /// <summary>
    /// Removes an archive version no state points to any more. The one just replaced is kept: a reader
    /// that asked for the key a moment ago may still be reading it. A failure leaves only garbage.
    /// </summary>
    private async Task RemoveArchiveAsync(int version)
    {
        if (version < 0) return;
        try
        {
            await archives.DeleteAsync(ObjectKeys.CommitReport(Key, version));
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            logger.LogWarning(fault, "Removing version {Version} of {Commit}'s report archive failed", version, Key);
        }
    }

    private UploadInfo? FindUpload(string uploadId) => state.State.Uploads.Find(u => u.UploadId == uploadId);

    private void ReplaceUpload(UploadInfo upload) =>
        state.State.Uploads[state.State.Uploads.FindIndex(u => u.UploadId == upload.UploadId)] = upload;

    private async Task TryIndexAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            logger.LogWarning(fault, "Indexing {Commit} failed; its next change indexes it again", Key);
        }
    }

    private async Task SaveAsync(CommitInfo info)
    {
        state.State.Info = info;
        await state.WriteStateAsync();
        await index.UpsertCommitAsync(info);
    }
}
