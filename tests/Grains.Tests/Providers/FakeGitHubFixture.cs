using Codecov.FakeGitHub;
using Codecov.Grains.Providers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Tests.Providers;

/// <summary>One fake GitHub per test class; tests keep apart by using their own repository names.</summary>
public sealed class FakeGitHubFixture : IAsyncLifetime
{
    public FakeGitHubServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeGitHubServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public GitHubProvider Provider(TimeProvider? time = null, Action<GitHubOptions>? configure = null)
    {
        var options = new GitHubOptions
        {
            ApiUrl = Server.Url.ToString(),
            Token = "bot-token",
            RequestTimeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return new GitHubProvider(Options.Create(options), time ?? TimeProvider.System, NullLogger<GitHubProvider>.Instance);
    }

    /// <summary>A repository name no other test uses.</summary>
    public static GitRepository NewRepository(string? token = null) => new("acme", "r" + Guid.NewGuid().ToString("N")[..12], token);
}
