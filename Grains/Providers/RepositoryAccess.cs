using Codecov.Grains.Repositories;

namespace Codecov.Grains.Providers;

/// <summary>How a repository is addressed at its provider: with its own stored token when it has one.</summary>
public static class RepositoryAccess
{
    public static async Task<GitRepository> ForAsync(IGrainFactory grains, RepositoryKey key)
    {
        var info = await grains.GetGrain<IRepositoryGrain>(key.ToString()).GetAsync();
        return new GitRepository(key.Owner, key.Name, info?.ProviderToken);
    }
}
