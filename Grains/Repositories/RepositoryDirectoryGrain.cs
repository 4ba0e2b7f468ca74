using Codecov.Grains.Storage;
using Orleans.Concurrency;

namespace Codecov.Grains.Repositories;

/// <summary>Index look-ups; stateless so every silo answers locally.</summary>
[StatelessWorker]
public sealed class RepositoryDirectoryGrain(IIndexStore index) : Grain, IRepositoryDirectoryGrain
{
    public Task<RepositoryInfo?> FindByUploadTokenAsync(string token) => index.FindRepositoryByUploadTokenAsync(token);
}
