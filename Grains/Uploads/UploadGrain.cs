using Codecov.Grains.Commits;
using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using Codecov.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;

namespace Codecov.Grains.Uploads;

/// <summary>
/// One upload. Its payload is durable before it is accepted; processing runs on a grain timer
/// so the uploader's PUT returns at once. Bad bytes end in a recorded error with a reason;
/// storage or cluster faults are retried with backoff, then recorded too — never dropped.
/// While unfinished, a durable reminder (cluster mode) wakes the grain wherever it lives next, and
/// any activation resumes the work, so the death of the silo that held it loses nothing.
/// </summary>
public sealed class UploadGrain(
    [PersistentState("upload", StorageNames.Grains)] IPersistentState<UploadState> state,
    IObjectStore objects,
    ReportArchiveStore archives,
    UploadProcessor processor,
    IIndexStore index,
    IOptions<UploadProcessingOptions> options,
    TimeProvider clock,
    ILogger<UploadGrain> logger) : Grain, IUploadGrain, IRemindable
{
    private const string ResumeReminderName = "resume";
    private IGrainTimer? timer;
    private IGrainReminder? resumeReminder;
    private TimeSpan storageCheckInterval;

    private UploadKey Key => UploadKey.Parse(this.GetPrimaryKeyString());

    private ICommitGrain Commit => GrainFactory.GetGrain<ICommitGrain>(Key.Commit.ToString());

    public async Task<UploadInfo> AcceptPayloadAsync(string objectKey)
    {
        var info = await LoadAsync() ?? throw new KeyNotFoundException($"Upload {Key} does not exist.");
        if (state.State.RawObjectKey is null)
        {
            state.State.RawObjectKey = objectKey;
            state.State.Info = info with { State = UploadStates.Uploaded };
            await state.WriteStateAsync();
        }
        if (state.State.Info is not { State: UploadStates.Uploaded } uploaded) return state.State.Info!;

        // A re-delivered payload (the client retried a PUT that failed part-way) repeats every step:
        // each is idempotent, and the first delivery may have stopped before any of them.
        await KeepResumingAsync();
        await index.UpsertUploadAsync(Key, UploadStates.Uploaded);
        await Commit.RecordUploadReceivedAsync(Key.UploadId);
        if (timer is null) ScheduleProcessing(TimeSpan.Zero);
        return uploaded;
    }

    public async Task<UploadInfo> AwaitPayloadAsync(string objectKey)
    {
        var info = await LoadAsync() ?? throw new KeyNotFoundException($"Upload {Key} does not exist.");
        if (state.State.RawObjectKey is not null || state.State.AwaitedObjectKey is not null) return info;

        state.State.AwaitedObjectKey = objectKey;
        state.State.AwaitDeadline = clock.GetUtcNow() + options.Value.DirectUploadDeadline;
        await state.WriteStateAsync();
        await KeepResumingAsync();
        ScheduleStorageCheck(options.Value.DirectUploadFirstCheck);
        return info;
    }

    public async Task<UploadInfo?> GetAsync() => await LoadAsync();

    public Task ResumeAsync()
    {
        if (timer is null) ScheduleUnfinishedWork();
        return Task.CompletedTask;
    }

    /// <summary>The resume reminder: restarts unfinished work this activation is not already doing; ends itself once the upload is finished.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminderName) return;
        if (IsProcessable || IsAwaitingPayload)
        {
            if (timer is null) ScheduleUnfinishedWork();
            return;
        }
        await StopResumingAsync();
    }

    // A grain timer dies with its activation (orleans-notes §1.5): any call that reactivates the grain
    // (a retried PUT, the resume reminder, a read) resumes its unfinished work.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleUnfinishedWork();
        return Task.CompletedTask;
    }

    private bool IsProcessable => state.State is { RawObjectKey: not null, Info.State: UploadStates.Uploaded };

    private bool IsAwaitingPayload =>
        state.State is { AwaitedObjectKey: not null, RawObjectKey: null, Info.State: UploadStates.Started };

    private void ScheduleUnfinishedWork()
    {
        if (IsProcessable) ScheduleProcessing(TimeSpan.Zero);
        else if (IsAwaitingPayload) ScheduleStorageCheck(options.Value.DirectUploadFirstCheck);
    }

    /// <summary>Registers the resume reminder (cluster mode); part of accepting, so an acknowledged upload always has one.</summary>
    private async Task KeepResumingAsync()
    {
        if (options.Value.ResumeReminderPeriod is not { } period) return;
        resumeReminder = await this.RegisterOrUpdateReminder(ResumeReminderName, period, period);
    }

    /// <summary>Ends the reminder of a finished upload; a failure only means one more tick, which tries again.</summary>
    private async Task StopResumingAsync()
    {
        if (options.Value.ResumeReminderPeriod is null) return;
        try
        {
            var reminder = resumeReminder ?? await this.GetReminder(ResumeReminderName);
            if (reminder is not null) await this.UnregisterReminder(reminder);
            resumeReminder = null;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            logger.LogWarning(fault, "Removing the resume reminder of upload {Upload} failed; the next tick retries", Key);
        }
    }

    private async Task<UploadInfo?> LoadAsync()
    {
        if (state.State.Info is { } known) return known;
        var fromCommit = await Commit.GetUploadAsync(Key.UploadId);
        if (fromCommit is not null) state.State.Info = fromCommit;
        return fromCommit;
    }

    private void ScheduleProcessing(TimeSpan delay)
    {
        timer?.Dispose();
        timer = this.RegisterGrainTimer(ProcessAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private void ScheduleStorageCheck(TimeSpan delay)
    {
        storageCheckInterval = delay;
        timer?.Dispose();
        timer = this.RegisterGrainTimer(CheckStorageAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>Direct-to-S3 mode: has the uploader's PUT landed? Checks back off (first check doubling to the maximum).</summary>
    private async Task CheckStorageAsync()
    {
        EndTimer();
        if (!IsAwaitingPayload) return;
        var objectKey = state.State.AwaitedObjectKey!;
        if (await PayloadStoredAsync(objectKey))
        {
            await AcceptPayloadAsync(objectKey);
            return;
        }

        var now = clock.GetUtcNow();
        if (now >= state.State.AwaitDeadline)
        {
            await FailAsync(state.State.Info!, new UploadError(UploadErrorCodes.FileNotInStorage,
                $"No report arrived in storage within {options.Value.DirectUploadDeadline} of handing out the upload URL; upload the report again."));
            return;
        }
        var next = TimeSpan.FromTicks(Math.Min(storageCheckInterval.Ticks * 2, options.Value.DirectUploadMaxCheckInterval.Ticks));
        var untilDeadline = state.State.AwaitDeadline!.Value - now;
        ScheduleStorageCheck(next < untilDeadline ? next : untilDeadline);
    }

    private async Task<bool> PayloadStoredAsync(string objectKey)
    {
        try
        {
            return await objects.ExistsAsync(objectKey);
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            // An unreachable store is not a missing payload: keep waiting until the deadline.
            logger.LogWarning(fault, "Checking storage for upload {Upload} failed", Key);
            return false;
        }
    }

    // A fired one-shot timer is disposed: a KeepAlive timer left registered would pin the activation forever.
    private void EndTimer()
    {
        timer?.Dispose();
        timer = null;
    }

    private async Task ProcessAsync()
    {
        EndTimer();
        if (state.State is not { Info: { State: UploadStates.Uploaded } info, RawObjectKey: { } rawKey }) return;

        ParsedUpload processed;
        try
        {
            processed = await ParseAsync(rawKey, info);
        }
        catch (ReportRejectedException rejected)
        {
            await FailAsync(info, new UploadError(rejected.Code, rejected.Message));
            return;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            await RetryOrFailAsync(info, fault);
            return;
        }

        try
        {
            await CompleteAsync(info, processed);
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            await RetryOrFailAsync(info, fault);
        }
    }

    private async Task<ParsedUpload> ParseAsync(string rawKey, UploadInfo info)
    {
        await using var raw = await objects.OpenReadAsync(rawKey)
            ?? throw new ReportRejectedException(UploadErrorCodes.FileNotInStorage,
                "The upload's payload is not in storage; upload the report again.");
        // Parsing is CPU-bound: run it off the grain's scheduler, then come back to merge.
        return await Task.Run(() => processor.Process(raw, info, options.Value, clock.GetUtcNow()));
    }

    private async Task CompleteAsync(UploadInfo info, ParsedUpload processed)
    {
        var archiveKey = ObjectKeys.Session(Key);
        await archives.SaveAsync(archiveKey, processed.Report);
        var totals = processed.Report.Totals;
        await Commit.MergeSessionAsync(new ProcessedSession(info.UploadId, info.SessionId, archiveKey, totals, processed.Formats));
        await FinishAsync(info, info with
        {
            State = UploadStates.Processed, ProcessedAt = clock.GetUtcNow(), Totals = totals, Formats = processed.Formats,
        });
    }

    private async Task RetryOrFailAsync(UploadInfo info, Exception fault)
    {
        state.State.FailedAttempts++;
        if (state.State.FailedAttempts > options.Value.MaxTransientRetries)
        {
            await FailAsync(info, new UploadError(UploadErrorCodes.ProcessingTimeout,
                $"Processing failed {state.State.FailedAttempts} times; last error: {fault.Message}"));
            return;
        }
        var delay = options.Value.RetryDelay * Math.Pow(2, state.State.FailedAttempts - 1);
        logger.LogWarning(fault, "Processing upload {Upload} failed (attempt {Attempt}); retrying in {Delay}",
            Key, state.State.FailedAttempts, delay);
        // Scheduled before the write: a store that is down must not also cancel the retry.
        ScheduleProcessing(delay);
        try
        {
            // A write that reached the store but lost its reply leaves a stale etag; reading again heals it.
            if (fault is InconsistentStateException) await state.ReadStateAsync();
            else await state.WriteStateAsync();
        }
        catch (Exception storeFault) when (storeFault is not OperationCanceledException)
        {
            logger.LogWarning(storeFault, "Recording the failed attempt of upload {Upload} failed", Key);
        }
    }

    private async Task FailAsync(UploadInfo info, UploadError error)
    {
        await Commit.RecordUploadErrorAsync(info.UploadId, error);
        await FinishAsync(info, info with { State = UploadStates.Error, ProcessedAt = clock.GetUtcNow(), Error = error });
    }

    /// <summary>Stores the final record; if the store refuses, memory goes back to the unfinished record so a retry redoes the work.</summary>
    private async Task FinishAsync(UploadInfo unfinished, UploadInfo finished)
    {
        state.State.Info = finished;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Info = unfinished;
            throw;
        }
        await index.UpsertUploadAsync(Key, finished.State);
        await StopResumingAsync();
    }
}
