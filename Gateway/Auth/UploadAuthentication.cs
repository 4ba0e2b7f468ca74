using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Auth;

/// <summary>The outcome of checking an upload's token against the repository it names.</summary>
public abstract record UploadAuthentication
{
    private UploadAuthentication()
    {
    }

    /// <summary>The token is good for this repository.</summary>
    public sealed record Authenticated(RepositoryInfo Repository) : UploadAuthentication;

    /// <summary>No token was sent (tokenless uploads would be decided here; not supported yet).</summary>
    public sealed record NoToken : UploadAuthentication;

    /// <summary>A token no repository (and not the global token) owns.</summary>
    public sealed record UnknownToken(string Token) : UploadAuthentication;

    /// <summary>A valid per-repository token for another repository than the one named.</summary>
    public sealed record WrongRepository(RepositoryInfo TokenRepository) : UploadAuthentication;

    /// <summary>The global token, but no repository was named to upload to.</summary>
    public sealed record NoRepositoryNamed : UploadAuthentication;
}
