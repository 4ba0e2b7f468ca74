using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>The chart's settings are the product's configuration keys, and the product accepts them at start.</summary>
public sealed class ProductConfigurationTests
{
    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void A_gateway_accepts_the_settings_the_chart_gives_it(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        var settings = ProductStartup.PodSettings(chart, chart.Deployment("gateway"));

        Assert.Equal("Cluster", settings["Hosting:Mode"]);
        Assert.Empty(ProductStartup.GatewayFailures(settings));
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void A_silo_accepts_the_settings_the_chart_gives_it(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        var settings = ProductStartup.PodSettings(chart, chart.Deployment("silo"));

        Assert.Equal("10.1.2.3", settings["Orleans:AdvertisedIPAddress"]);
        Assert.Empty(ProductStartup.SiloFailures(settings));
    }

    [Fact]
    public void The_product_check_catches_a_setting_it_would_refuse_at_start()
    {
        var chart = Renders.Of(Renders.Defaults);
        var settings = ProductStartup.PodSettings(chart, chart.Deployment("gateway"));
        settings["Codecov:UploadSigningKey"] = "short";
        settings["S3:PathStyle"] = "true";

        var failures = ProductStartup.GatewayFailures(settings);

        Assert.Contains(failures, f => f.Contains("Codecov:UploadSigningKey", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("S3:PathStyle", StringComparison.Ordinal));
    }

    [Fact]
    public void Logs_default_to_json_lines_with_scopes()
    {
        var settings = Renders.Of(Renders.Defaults).Settings.Data;

        Assert.Equal("json", settings["Logging__Console__FormatterName"]);
        Assert.Equal("true", settings["Logging__Console__FormatterOptions__IncludeScopes"]);
    }

    [Fact]
    public void Durations_are_rendered_as_timespans_not_as_days()
    {
        var settings = Renders.Of(Renders.Production).Settings.Data;

        Assert.Equal(TimeSpan.FromSeconds(90), TimeSpan.Parse(settings["Hosting__ShutdownTimeout"]));
        Assert.Equal(TimeSpan.FromSeconds(10), TimeSpan.Parse(settings["Hosting__DrainDelay"]));
        Assert.Equal(TimeSpan.FromHours(3), TimeSpan.Parse(settings["Codecov__UploadUrlLifetime"]));
        Assert.Equal("524288000", settings["Codecov__MaxUploadBytes"]);
    }

    [Theory]
    [InlineData(Renders.Defaults, "false")]
    [InlineData(Renders.Production, "true")]
    public void S3_addressing_follows_the_endpoint_unless_set(string valueSet, string pathStyle)
    {
        Assert.Equal(pathStyle, Renders.Of(valueSet).Settings.Data["S3__PathStyle"]);
    }

    [Fact]
    public void The_public_url_feeds_upload_and_status_links_and_admins_become_a_list()
    {
        var settings = Renders.Of(Renders.Production).Settings.Data;

        Assert.Equal("https://codecov.example.com", settings["Codecov__PublicUrl"]);
        Assert.Equal("https://codecov.example.com", settings["Notifications__DashboardUrl"]);
        Assert.Equal("github/alice", settings["Codecov__Admins__0"]);
        Assert.Equal("github/bob", settings["Codecov__Admins__1"]);
        Assert.Equal("00:00:01", settings["Notifications__Debounce"]);
    }

    [Fact]
    public void Without_a_public_url_the_ingress_host_is_used()
    {
        var chart = Helm.Render("codecov", "--set", "ingress.enabled=true,ingress.host=cov.example.org,ingress.tls.enabled=true,ingress.tls.secretName=cov-tls");

        Assert.Equal("https://cov.example.org", chart.Settings.Data["Codecov__PublicUrl"]);
    }

    [Fact]
    public void A_settings_change_rolls_the_pods()
    {
        static string Checksum(RenderedChart chart) =>
            chart.Deployment("silo").Spec.Template.Metadata.Annotations["checksum/config"];

        var changed = Helm.Render("codecov", "--set", "commits.maxUploadsPerCommit=200");

        Assert.NotEqual(Checksum(Renders.Of(Renders.Defaults)), Checksum(changed));
    }
}
