using Codecov.Gateway.Options;
using Codecov.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Tests.Options;

public sealed class CodecovOptionsValidationTests
{
    private static ValidateOptionsResult Validate(CodecovOptions options) => new CodecovOptionsValidator().Validate(null, options);

    [Fact]
    public void Defaults_are_valid() => Assert.True(Validate(new CodecovOptions()).Succeeded);

    [Fact]
    public void Defaults_allow_200_megabytes_and_two_hour_urls()
    {
        var options = new CodecovOptions();
        Assert.Equal(200L * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(TimeSpan.FromHours(2), options.UploadUrlLifetime);
    }

    [Fact]
    public void Short_signing_key_is_refused() =>
        Assert.Contains("Codecov:UploadSigningKey", Validate(new CodecovOptions { UploadSigningKey = "short" }).FailureMessage);

    [Fact]
    public void Admin_token_equal_to_the_global_upload_token_is_refused()
    {
        const string token = "same-token-same-token";
        Assert.Contains("Codecov:AdminToken", Validate(new CodecovOptions { AdminToken = token, GlobalUploadToken = token }).FailureMessage);
    }

    [Fact]
    public void Lifetime_must_be_positive() =>
        Assert.Contains("Codecov:UploadUrlLifetime", Validate(new CodecovOptions { UploadUrlLifetime = TimeSpan.Zero }).FailureMessage);

    [Fact]
    public void Global_token_git_service_must_be_a_codecov_service() =>
        Assert.Contains("Codecov:GlobalTokenGitService", Validate(new CodecovOptions { GlobalTokenGitService = "gitea" }).FailureMessage);

    [Fact]
    public void Bad_configuration_stops_resolution_with_a_message_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Codecov:MaxUploadBytes"] = "0",
            ["Codecov:PublicUrl"] = "not a url",
        });
        builder.AddGatewayServices();
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CodecovOptions>>().Value);
        Assert.Contains(failure.Failures, f => f.Contains("Codecov:MaxUploadBytes", StringComparison.Ordinal));
        var publicUrl = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PublicUrlOptions>>().Value);
        Assert.Contains("Codecov:PublicUrl", publicUrl.Message);
    }

    [Fact]
    public void Configuration_values_bind_from_the_codecov_section()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Codecov:MaxUploadBytes"] = "1024",
            ["Codecov:UploadUrlLifetime"] = "00:30:00",
            ["Codecov:PublicUrl"] = "https://cov.example.com",
        });
        builder.AddGatewayServices();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<CodecovOptions>>().Value;
        Assert.Equal(1024, options.MaxUploadBytes);
        Assert.Equal(TimeSpan.FromMinutes(30), options.UploadUrlLifetime);
    }
}
