namespace Codecov.Grains.Queries;

/// <summary>
/// Lists of owners and their repositories, read from the query index (stateless; key 0). Every silo
/// answers locally and no repository grain is activated.
/// </summary>
[Alias("codecov.IOwnerQueryGrain")]
public interface IOwnerQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Owners of <paramref name="service"/> with at least one repository the caller may see, by name.</summary>
    [Alias("ListOwners")]
    Task<ResultPage<OwnerSummary>> ListOwnersAsync(string service, bool includePrivate, PageRequest page);

    /// <summary>An owner's repositories with their default branch's latest totals, by name.</summary>
    [Alias("ListRepositories")]
    Task<ResultPage<RepositorySummary>> ListRepositoriesAsync(string service, string owner, RepositoryFilter filter, PageRequest page);
}
