using Codecov.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Tests.Hosting;

public sealed class PublicUrlOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddPublicUrl();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Links_are_written_under_the_public_url()
    {
        using var services = Services(new() { ["Codecov:PublicUrl"] = "https://cov.example.com" });
        Assert.Equal("https://cov.example.com", services.GetRequiredService<DashboardUrls>().Base);
    }

    [Fact]
    public void The_former_notifications_key_is_read_when_the_public_url_is_unset()
    {
        using var services = Services(new() { ["Notifications:DashboardUrl"] = "https://old.example.com" });
        Assert.Equal("https://old.example.com", services.GetRequiredService<DashboardUrls>().Base);
    }

    [Fact]
    public void The_public_url_wins_over_the_former_key()
    {
        using var services = Services(new() { ["Codecov:PublicUrl"] = "https://new.example.com", ["Notifications:DashboardUrl"] = "https://old.example.com" });
        Assert.Equal("https://new.example.com", services.GetRequiredService<DashboardUrls>().Base);
    }

    [Fact]
    public void Without_a_public_url_a_request_base_is_used_and_otherwise_the_embedded_address()
    {
        var options = new PublicUrlOptions();
        Assert.Equal("http://gateway:9000", options.DashboardUrls("http://gateway:9000").Base);
        Assert.Equal(PublicUrlOptions.Fallback, options.DashboardUrls().Base);
    }

    [Theory]
    [InlineData("cov.example.com")]
    [InlineData("ftp://cov.example.com")]
    [InlineData("https://cov.example.com/?x=1")]
    public void Public_url_must_be_absolute_http_without_query(string url)
    {
        using var services = Services(new() { ["Codecov:PublicUrl"] = url });
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PublicUrlOptions>>().Value);
        Assert.Contains("Codecov:PublicUrl", failure.Message);
    }
}
