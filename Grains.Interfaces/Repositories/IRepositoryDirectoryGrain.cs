namespace Codecov.Grains.Repositories;

/// <summary>Look-ups across repositories served by the query index (stateless; key 0).</summary>
[Alias("codecov.IRepositoryDirectoryGrain")]
public interface IRepositoryDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The repository whose per-repository upload token this is, or null.</summary>
    [Alias("FindByUploadToken")]
    Task<RepositoryInfo?> FindByUploadTokenAsync(string token);
}
