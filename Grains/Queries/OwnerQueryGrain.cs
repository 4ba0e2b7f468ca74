using Codecov.Grains.Storage;
using Orleans.Concurrency;

namespace Codecov.Grains.Queries;

/// <summary>Owner and repository lists straight from the index; stateless so every silo answers locally.</summary>
[StatelessWorker]
public sealed class OwnerQueryGrain(IIndexStore index) : Grain, IOwnerQueryGrain
{
    public Task<ResultPage<OwnerSummary>> ListOwnersAsync(string service, bool includePrivate, PageRequest page) =>
        index.ListOwnersAsync(service, includePrivate, page);

    public Task<ResultPage<RepositorySummary>> ListRepositoriesAsync(string service, string owner, RepositoryFilter filter, PageRequest page) =>
        index.ListRepositoriesAsync(service, owner, filter, page);
}
