using Codecov.Gateway.Options;
using Codecov.Grains;
using Codecov.Grains.Repositories;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Auth;

/// <summary>
/// Resolves an upload token to a repository through the grains (protocol §7, auth classes 2 and 5):
/// the site-wide global token first, then the per-repository upload token.
/// </summary>
public sealed class UploadAuthenticator(IGrainFactory grains, IOptionsMonitor<CodecovOptions> options)
{
    /// <summary>
    /// CLI routes: the repository is always the path's. The global token creates it on first use;
    /// a per-repository token must belong to it (§7: a valid token for another repo gives 403).
    /// </summary>
    public async Task<UploadAuthentication> ForPathRepositoryAsync(string? token, RepositoryKey pathRepository)
    {
        if (token is null) return new UploadAuthentication.NoToken();
        if (IsGlobalToken(token)) return await EnsureCreatedAsync(pathRepository);
        var owner = await FindByUploadTokenAsync(token);
        if (owner is null) return new UploadAuthentication.UnknownToken(token);
        return SameRepository(owner.Key, pathRepository)
            ? new UploadAuthentication.Authenticated(owner)
            : new UploadAuthentication.WrongRepository(owner);
    }

    /// <summary>
    /// Legacy routes: a per-repository token alone finds the repository and the slug is ignored
    /// (api <c>determine_repo_for_upload</c>; field notes §10.1 and §10.5 send empty or no slug).
    /// The global token needs the slug's repository.
    /// </summary>
    public async Task<UploadAuthentication> ForLegacyUploadAsync(string? token, RepositoryKey? slugRepository)
    {
        if (token is null) return new UploadAuthentication.NoToken();
        if (IsGlobalToken(token))
        {
            return slugRepository is null
                ? new UploadAuthentication.NoRepositoryNamed()
                : await EnsureCreatedAsync(slugRepository);
        }

        var owner = await FindByUploadTokenAsync(token);
        return owner is null
            ? new UploadAuthentication.UnknownToken(token)
            : new UploadAuthentication.Authenticated(owner);
    }

    private bool IsGlobalToken(string token) => SecretComparison.Matches(token, options.CurrentValue.GlobalUploadToken);

    private async Task<UploadAuthentication> EnsureCreatedAsync(RepositoryKey key) =>
        new UploadAuthentication.Authenticated(await grains.GetGrain<IRepositoryGrain>(key.ToString()).EnsureCreatedAsync());

    private Task<RepositoryInfo?> FindByUploadTokenAsync(string token) =>
        grains.GetGrain<IRepositoryDirectoryGrain>(0).FindByUploadTokenAsync(token);

    /// <summary>Git hosts treat owner and repository names case-insensitively; the service must match exactly.</summary>
    internal static bool SameRepository(RepositoryKey a, RepositoryKey b) =>
        a.Service == b.Service
        && string.Equals(a.Owner, b.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
