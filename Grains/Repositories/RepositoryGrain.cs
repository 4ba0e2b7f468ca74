using Codecov.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Repositories;

public sealed class RepositoryGrain(
    [PersistentState("repository", StorageNames.Grains)] IPersistentState<RepositoryState> state,
    IIndexStore index,
    IOptions<RepositoryOptions> options,
    TimeProvider clock,
    ILogger<RepositoryGrain> logger) : Grain, IRepositoryGrain
{
    private RepositoryKey Key => RepositoryKey.Parse(this.GetPrimaryKeyString());

    public async Task<RepositoryInfo> EnsureCreatedAsync()
    {
        if (state.State.Info is { } existing) return existing;

        var created = new RepositoryInfo(Key, Guid.NewGuid().ToString(), options.Value.PrivateByDefault,
            options.Value.DefaultBranch, clock.GetUtcNow());
        state.State.Info = created;
        await state.WriteStateAsync();
        await index.UpsertRepositoryAsync(created);
        logger.LogInformation("Repository {Repository} created", created.Key);
        return created;
    }

    public Task<RepositoryInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<RepositoryInfo?> SetProviderTokenAsync(string? token)
    {
        if (state.State.Info is not { } info) return null;
        state.State.Info = info with { ProviderToken = string.IsNullOrWhiteSpace(token) ? null : token };
        await state.WriteStateAsync();
        logger.LogInformation("Provider token of {Repository} {Change}", info.Key, token is null ? "removed" : "set");
        return state.State.Info;
    }
}
