using Codecov.Grains.Storage;
using Codecov.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Codecov.Storage.Tests;

/// <summary>Bad cluster settings stop the process at start with a message that names the key.</summary>
public sealed class S3OptionsValidationTests
{
    [Fact]
    public void Missing_S3_settings_name_each_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<S3Options>(new() { ["S3:Endpoint"] = "" }));

        Assert.Contains("S3:Endpoint is required", failure.Message);
        Assert.Contains("S3:Bucket is required", failure.Message);
        Assert.Contains("S3:AccessKey is required", failure.Message);
        Assert.Contains("S3:SecretKey is required", failure.Message);
    }

    [Theory]
    [InlineData("http://minio:9000", "must be host or host:port")]
    [InlineData("minio:99999", "invalid port")]
    public void An_endpoint_with_a_scheme_or_bad_port_is_refused(string endpoint, string expected)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<S3Options>(Valid(("S3:Endpoint", endpoint))));

        Assert.Contains($"S3:Endpoint '{endpoint}'", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void An_invalid_bucket_name_is_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<S3Options>(Valid(("S3:Bucket", "Upper_Case"))));

        Assert.Contains("S3:Bucket 'Upper_Case' is not a valid bucket name", failure.Message);
    }

    [Fact]
    public void Virtual_hosted_style_off_AWS_is_refused_because_the_SDK_cannot_do_it()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve<S3Options>(Valid(("S3:PathStyle", "false"))));

        Assert.Contains("S3:PathStyle=false cannot be honoured", failure.Message);
    }

    [Fact]
    public void Valid_settings_pass()
    {
        var options = Resolve<S3Options>(Valid());

        Assert.Equal("127.0.0.1:9000", options.Endpoint);
    }

    [Fact]
    public void Cluster_connection_strings_are_required_by_name()
    {
        var services = Services(new());
        services.AddClusterHostOptions(requireRedis: true);

        var failure = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IOptions<ClusterConnectionStrings>>().Value);

        Assert.Contains("ConnectionStrings:Postgres is required", failure.Message);
        Assert.Contains("ConnectionStrings:Redis is required", failure.Message);
    }

    [Fact]
    public void Equal_silo_and_gateway_ports_are_refused()
    {
        var services = Services(new() { ["Orleans:SiloPort"] = "30000", ["Orleans:GatewayPort"] = "30000" });
        services.AddClusterHostOptions(requireRedis: false);

        var failure = Assert.Throws<OptionsValidationException>(
            () => services.BuildServiceProvider().GetRequiredService<IOptions<ClusterHostOptions>>().Value);

        Assert.Contains("Orleans:SiloPort and Orleans:GatewayPort must differ", failure.Message);
    }

    [Fact]
    public void An_unknown_hosting_mode_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hosting:Mode"] = "Swarm" }).Build();

        var failure = Assert.Throws<InvalidSettingException>(() => HostingOptions.ModeOf(configuration));

        Assert.Contains("Hosting:Mode 'Swarm'", failure.Message);
    }

    private static Dictionary<string, string?> Valid(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["S3:Endpoint"] = "127.0.0.1:9000", ["S3:Bucket"] = "coverage", ["S3:AccessKey"] = "key", ["S3:SecretKey"] = "secret",
        };
        foreach (var (key, value) in overrides) values[key] = value;
        return values;
    }

    private static T Resolve<T>(Dictionary<string, string?> values) where T : class
    {
        var services = Services(values);
        services.AddS3ObjectStore();
        return services.BuildServiceProvider().GetRequiredService<IOptions<T>>().Value;
    }

    private static ServiceCollection Services(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services;
    }
}
