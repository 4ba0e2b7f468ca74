namespace Codecov.Grains.Providers;

/// <summary>
/// A repository on the provider, plus the token to act with when the repository has its own
/// (Codecov lets a repository carry a token that overrides the site's bot token).
/// </summary>
public sealed record GitRepository(string Owner, string Name, string? Token = null)
{
    public string FullName => $"{Owner}/{Name}";

    // The token never reaches logs or exception messages through string interpolation.
    public override string ToString() => FullName;
}
