using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Octokit;

namespace Codecov.Grains.Providers;

/// <summary>One Octokit client per token (each owns an HTTP connection pool), all on the configured base URL.</summary>
internal sealed class GitHubClients(IOptions<GitHubOptions> options)
{
    private static readonly ProductHeaderValue Product = new("codecov-orleans");

    private readonly ConcurrentDictionary<string, GitHubClient> clients = new(StringComparer.Ordinal);

    public GitHubClient For(GitRepository repo)
    {
        var token = string.IsNullOrEmpty(repo.Token) ? options.Value.Token ?? string.Empty : repo.Token;
        return clients.GetOrAdd(token, Create);
    }

    private GitHubClient Create(string token)
    {
        var settings = options.Value;
        // Octokit maps any host other than github.com to scheme://host:port/api/v3/ (octokit-notes §1).
        var client = new GitHubClient(Product, new Uri(settings.ApiUrl));
        if (token.Length > 0)
        {
            // Sent as "Authorization: Token X" (octokit-notes §3).
            client.Credentials = new Credentials(token);
        }
        client.SetRequestTimeout(settings.RequestTimeout);
        return client;
    }
}
