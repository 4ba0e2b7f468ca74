namespace Codecov.Gateway.Web;

/// <summary>
/// The service segment of dashboard and badge URLs: Codecov accepts its short names (<c>gh</c>, <c>gl</c>,
/// <c>bb</c>, <c>ghe</c>, <c>gle</c>, <c>bbs</c>) and the long service names alike.
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

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["github"] = "gh", ["gitlab"] = "gl", ["bitbucket"] = "bb",
        ["github_enterprise"] = "ghe", ["gitlab_enterprise"] = "gle", ["bitbucket_server"] = "bbs",
    };

    /// <summary>The service a URL segment names, or null for a segment that names none.</summary>
    public static string? ServiceOf(string? segment) =>
        segment is not null && Services.TryGetValue(segment, out var service) ? service : null;

    /// <summary>The short segment the dashboard writes for a service (<c>github</c> → <c>gh</c>).</summary>
    public static string SegmentOf(string service) =>
        ShortNames.TryGetValue(service, out var segment) ? segment : service;
}
