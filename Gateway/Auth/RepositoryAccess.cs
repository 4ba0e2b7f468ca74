using System.Security.Claims;
using Codecov.Grains;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Auth;

/// <summary>What a viewer may do with one repository.</summary>
public enum RepositoryPermission
{
    /// <summary>Nothing: the repository is answered as if it did not exist (404, never 401 or 403).</summary>
    None,
    Read,
    /// <summary>Settings, upload token regeneration, provider token.</summary>
    Edit,
}

/// <summary>A repository as one viewer may see it; <see cref="Repository"/> is null when it does not exist for them.</summary>
public sealed record RepositoryView(RepositoryInfo? Repository, RepositoryPermission Permission)
{
    public static readonly RepositoryView Hidden = new(null, RepositoryPermission.None);

    public bool CanRead => Repository is not null && Permission >= RepositoryPermission.Read;

    public bool CanEdit => Repository is not null && Permission >= RepositoryPermission.Edit;
}

/// <summary>
/// The one place that decides what a viewer may see of a repository; pages, badges and API v2 all ask it.
/// </summary>
public interface IRepositoryAccess
{
    Task<RepositoryView> OpenAsync(ClaimsPrincipal viewer, RepositoryKey key, CancellationToken cancellationToken = default);
}

/// <summary>
/// Site administrators edit everything; anyone reads a public repository; nobody else sees a private one.
/// </summary>
public sealed class SiteRepositoryAccess(IGrainFactory grains) : IRepositoryAccess
{
    public async Task<RepositoryView> OpenAsync(ClaimsPrincipal viewer, RepositoryKey key, CancellationToken cancellationToken = default)
    {
        var repository = await grains.GetGrain<IRepositoryGrain>(key.ToString()).GetAsync();
        if (repository is null) return RepositoryView.Hidden;
        if (viewer.HasClaim(AccessClaims.SiteAdmin, "true")) return new RepositoryView(repository, RepositoryPermission.Edit);
        return repository.IsPrivate ? RepositoryView.Hidden : new RepositoryView(repository, RepositoryPermission.Read);
    }
}
