namespace Codecov.Gateway.Uploads;

/// <summary>Codecov's git services (protocol §0, the <c>Service</c> enum).</summary>
public static class GitServices
{
    public static readonly IReadOnlyList<string> All =
        ["github", "gitlab", "bitbucket", "github_enterprise", "gitlab_enterprise", "bitbucket_server"];

    /// <summary>Codecov compares service names exactly; <c>GitHub</c> is not <c>github</c>.</summary>
    public static bool IsKnown(string? service) => service is not null && All.Contains(service, StringComparer.Ordinal);
}
