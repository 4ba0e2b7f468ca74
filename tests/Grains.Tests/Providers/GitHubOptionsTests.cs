using Codecov.Grains.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Tests.Providers;

public sealed class GitHubOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddGitHubProvider()
            .BuildServiceProvider();
    }

    [Fact]
    public void Defaults_point_at_github_com_with_a_30_second_timeout()
    {
        using var services = Services();

        var options = services.GetRequiredService<IOptions<GitHubOptions>>().Value;

        Assert.Equal("https://api.github.com/", options.ApiUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.IsType<GitHubProvider>(services.GetRequiredService<IGitProvider>());
    }

    [Theory]
    [InlineData("GitHub:ApiUrl", "not a url")]
    [InlineData("GitHub:ApiUrl", "ftp://ghe.example/")]
    [InlineData("GitHub:MaxRetries", "50")]
    [InlineData("GitHub:RequestTimeout", "00:00:00")]
    public void A_bad_setting_is_refused_with_its_key(string key, string value)
    {
        using var services = Services((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitHubOptions>>().Value);

        Assert.Contains(key.Split(':')[1], failure.Message, StringComparison.Ordinal);
    }
}
