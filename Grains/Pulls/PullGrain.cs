using Codecov.Grains.Storage;

namespace Codecov.Grains.Pulls;

public sealed class PullGrain(
    [PersistentState("pull", StorageNames.Grains)] IPersistentState<PullState> state,
    IIndexStore index,
    TimeProvider clock) : Grain, IPullGrain
{
    public Task<PullRecord?> GetAsync() => Task.FromResult(state.State.Record);

    public async Task<PullRecord> UpdateAsync(PullUpdate update)
    {
        var key = PullKey.Parse(this.GetPrimaryKeyString());
        var record = state.State.Record is { } existing
            ? existing with { Latest = update, UpdatedAt = clock.GetUtcNow() }
            : new PullRecord(key, update, null, false, clock.GetUtcNow());
        if (record != state.State.Record)
        {
            state.State.Record = record;
            await state.WriteStateAsync();
            await index.UpsertPullAsync(PullIndex.Entry(record));
        }
        return record;
    }

    public async Task SetCommentAsync(long? commentId)
    {
        var record = state.State.Record ?? throw new InvalidOperationException("Update the pull request before its comment.");
        state.State.Record = record with { CommentId = commentId, CommentEverPosted = record.CommentEverPosted || commentId is not null };
        await state.WriteStateAsync();
    }
}

/// <summary>A pull request's row in the query index.</summary>
public static class PullIndex
{
    public static Queries.PullIndexEntry Entry(PullRecord record) => new(
        record.Key.Repository, record.Key.Number, record.Latest.State, record.Latest.Title,
        record.Latest.HeadSha, record.Latest.HeadBranch, record.Latest.BaseSha, record.Latest.BaseBranch, record.UpdatedAt);
}
