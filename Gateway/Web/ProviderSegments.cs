namespace Codecov.Gateway.Web;

/// <summary>
/// The service segment of dashboard and badge URLs: Codecov accepts its short names (<c>gh</c>, <c>gl</c>,
/// <c>bb</c>, <c>ghe</c>, <c>gle</c>, <c>bbs</c>) and the long service names alike. The segment the
/// dashboard writes is <see cref="Codecov.Grains.DashboardUrls"/>'s.
/// </summary>
public static class ProviderSegments
{
    private static readonly Dictionary<string, string> Services = new(StringComparer.Ordinal)
    {
        ["gh"] = "github", ["github"] = "github",
        ["gl"] = "gitlab", ["gitlab"] = "gitlab",
        ["bb"] = "bitbucket", ["bitbucket"] = "bitbucket",
        ["ghe"] = "github_enterprise", ["github_enterprise"] = "github_enterprise",
        ["gle"] = "gitlab_enterprise", ["gitlab_enterprise"] = "gitlab_enterprise",
        ["bbs"] = "bitbucket_server", ["bitbucket_server"] = "bitbucket_server",
    };

    /// <summary>The service a URL segment names, or null for a segment that names none.</summary>
    public static string? ServiceOf(string? segment) =>
        segment is not null && Services.TryGetValue(segment, out var service) ? service : null;
}
