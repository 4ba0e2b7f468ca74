namespace Codecov.Grains.Repositories;

/// <summary>A repository: its upload token and settings. Key: <see cref="RepositoryKey"/>.</summary>
[Alias("codecov.IRepositoryGrain")]
public interface IRepositoryGrain : IGrainWithStringKey
{
    /// <summary>Creates the repository (and its upload token) on first use; returns it either way.</summary>
    [Alias("EnsureCreated")]
    Task<RepositoryInfo> EnsureCreatedAsync();

    /// <summary>
    /// Stores the token statuses and comments of this repository are posted with (instead of the site's
    /// bot token); null goes back to the bot token. Returns null for an unknown repository.
    /// </summary>
    [Alias("SetProviderToken")]
    Task<RepositoryInfo?> SetProviderTokenAsync(string? token);

    /// <summary>The repository, or null when it was never created.</summary>
    [Alias("Get")]
    Task<RepositoryInfo?> GetAsync();
}
