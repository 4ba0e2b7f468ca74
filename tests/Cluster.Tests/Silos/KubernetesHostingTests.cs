using Codecov.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting.Kubernetes;

namespace Codecov.Cluster.Tests.Silos;

/// <summary>
/// Orleans' Kubernetes hosting joins a cluster silo only inside a pod or when configured, so local
/// clusters and these tests never reach for a Kubernetes API. Composition only: nothing starts.
/// </summary>
public sealed class KubernetesHostingTests
{
    private static readonly Func<string, string?> OutsideAPod = _ => null;
    private static readonly Func<string, string?> InsideAPod = name => name == KubernetesHosting.InPodVariable ? "10.0.0.1" : null;

    [Fact]
    public void Outside_a_pod_Kubernetes_hosting_is_off_unless_configured_on()
    {
        Assert.False(KubernetesHosting.IsEnabled(Configuration(), OutsideAPod));
        Assert.True(KubernetesHosting.IsEnabled(Configuration(("Orleans:Kubernetes:Enabled", "true")), OutsideAPod));
    }

    [Fact]
    public void Inside_a_pod_Kubernetes_hosting_is_on_unless_configured_off()
    {
        Assert.True(KubernetesHosting.IsEnabled(Configuration(), InsideAPod));
        Assert.False(KubernetesHosting.IsEnabled(Configuration(("Orleans:Kubernetes:Enabled", "false")), InsideAPod));
    }

    [Fact]
    public void A_switch_that_is_not_a_boolean_stops_the_silo_with_the_key_named()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => KubernetesHosting.IsEnabled(Configuration(("Orleans:Kubernetes:Enabled", "yes please")), OutsideAPod));
        Assert.Contains("Orleans:Kubernetes:Enabled", error.Message);
    }

    [Fact]
    public void A_cluster_silo_configured_for_Kubernetes_binds_the_hosting_options_from_configuration()
    {
        var services = ClusterSiloServices(
            ("Orleans:Kubernetes:Enabled", "true"),
            ("Orleans:Kubernetes:MaxAgents", "3"),
            ("Orleans:Kubernetes:DeleteDefunctSiloPods", "true"));

        using var provider = services.BuildServiceProvider();
        var options = new KubernetesHostingOptions();
        foreach (var configure in provider.GetServices<IConfigureOptions<KubernetesHostingOptions>>()) configure.Configure(options);
        Assert.Equal(3, options.MaxAgents);
        Assert.True(options.DeleteDefunctSiloPods);
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<KubernetesHostingOptions>));
    }

    [Fact]
    public void A_cluster_silo_switched_off_registers_nothing_of_Kubernetes_hosting()
    {
        var services = ClusterSiloServices(("Orleans:Kubernetes:Enabled", "false"));

        Assert.DoesNotContain(services, d => d.ServiceType.IsGenericType
            && d.ServiceType.GetGenericArguments().Contains(typeof(KubernetesHostingOptions)));
    }

    private static IServiceCollection ClusterSiloServices(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:Mode"] = "Cluster",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddSilo();
        return builder.Services;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
