using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>How silo, gateway and migration pods run: locked down, stopped gracefully, rolled safely, spread out.</summary>
public sealed class PodTests
{
    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Every_pod_runs_as_non_root_on_a_read_only_root_filesystem_without_capabilities(string valueSet)
    {
        var pods = Renders.Of(valueSet).PodSpecs.ToList();

        Assert.Equal(3, pods.Count);
        foreach (var (owner, pod) in pods)
        {
            Assert.True(pod.SecurityContext.RunAsNonRoot, owner);
            Assert.NotEqual(0, pod.SecurityContext.RunAsUser);
            Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
            var container = Assert.Single(pod.Containers);
            var security = container.SecurityContext;
            Assert.False(security.AllowPrivilegeEscalation, owner);
            Assert.False(security.Privileged, owner);
            Assert.True(security.ReadOnlyRootFilesystem, owner);
            Assert.Equal(["ALL"], security.Capabilities.Drop);
            Assert.Null(security.Capabilities.Add);
            // .NET and the S3 upload spool need a writable /tmp.
            var tmp = Assert.Single(container.VolumeMounts, m => m.MountPath == "/tmp");
            Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == tmp.Name).EmptyDir);
        }
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Kubernetes_waits_longer_than_the_product_shutdown_timeout_before_killing_a_pod(string valueSet)
    {
        var chart = Renders.Of(valueSet);
        var shutdownTimeout = TimeSpan.Parse(chart.Settings.Data["Hosting__ShutdownTimeout"]);

        var silo = chart.Deployment("silo").Spec.Template.Spec;
        Assert.True(TimeSpan.FromSeconds(silo.TerminationGracePeriodSeconds!.Value) > shutdownTimeout);

        // A gateway first serves on through its preStop sleep, then gets SIGTERM and its shutdown timeout.
        var gateway = chart.Deployment("gateway").Spec.Template.Spec;
        var preStop = TimeSpan.FromSeconds(gateway.Containers[0].Lifecycle?.PreStop?.Sleep?.Seconds ?? 0);
        Assert.True(TimeSpan.FromSeconds(gateway.TerminationGracePeriodSeconds!.Value) > preStop + shutdownTimeout);
    }

    [Fact]
    public void Gateways_serve_on_for_the_drain_delay_after_leaving_their_service()
    {
        var chart = Renders.Of(Renders.Production);
        var drainDelay = TimeSpan.Parse(chart.Settings.Data["Hosting__DrainDelay"]);

        var sleep = chart.Deployment("gateway").Spec.Template.Spec.Containers[0].Lifecycle.PreStop.Sleep;
        Assert.Equal(drainDelay, TimeSpan.FromSeconds(sleep.Seconds));
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Rolling_updates_start_a_replacement_before_stopping_any_pod(string valueSet)
    {
        foreach (var deployment in Renders.Of(valueSet).All<V1Deployment>())
        {
            var rolling = deployment.Spec.Strategy.RollingUpdate;
            Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
            Assert.Equal("0", rolling.MaxUnavailable.Value);
            Assert.NotEqual("0", rolling.MaxSurge.Value);
        }
    }

    [Theory]
    [InlineData(Renders.Defaults, "silo", false)]
    [InlineData(Renders.Defaults, "gateway", false)]
    [InlineData(Renders.Production, "silo", true)]
    [InlineData(Renders.Production, "gateway", false)]
    public void Pods_of_one_component_are_spread_across_nodes(string valueSet, string component, bool required)
    {
        var deployment = Renders.Of(valueSet).Deployment(component);
        var antiAffinity = deployment.Spec.Template.Spec.Affinity.PodAntiAffinity;

        var term = required
            ? Assert.Single(antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution)
            : Assert.Single(antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution).PodAffinityTerm;
        Assert.Equal("kubernetes.io/hostname", term.TopologyKey);
        // The term selects exactly this component's pods.
        Assert.True(Labels.Same(deployment.Spec.Selector.MatchLabels, term.LabelSelector.MatchLabels));
        Assert.Equal(component, term.LabelSelector.MatchLabels["app.kubernetes.io/component"]);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("gateway")]
    public void Probes_ask_the_product_health_endpoints_on_the_port_it_listens_on(string component)
    {
        var container = Renders.Of(Renders.Defaults).Deployment(component).Spec.Template.Spec.Containers[0];

        var port = Assert.Single(container.Ports, p => p.Name == "http").ContainerPort;
        Assert.Equal(port.ToString(), Assert.Single(container.Env, e => e.Name == "ASPNETCORE_HTTP_PORTS").Value);
        Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/health/live", container.StartupProbe.HttpGet.Path);
        foreach (var probe in new[] { container.ReadinessProbe, container.LivenessProbe, container.StartupProbe })
            Assert.Equal("http", probe.HttpGet.Port.Value);
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Containers_request_cpu_and_memory_and_have_no_cpu_limit_unless_one_is_set(string valueSet)
    {
        foreach (var (owner, pod) in Renders.Of(valueSet).PodSpecs)
        {
            var resources = pod.Containers[0].Resources;
            Assert.True(resources.Requests.ContainsKey("cpu"), owner);
            Assert.True(resources.Requests.ContainsKey("memory"), owner);
            Assert.False(resources.Limits?.ContainsKey("cpu") ?? false, owner);
        }
    }

    [Fact]
    public void A_cpu_limit_set_in_the_values_is_rendered()
    {
        var chart = Helm.Render("codecov", "--set", "silo.resources.limits.cpu=3");

        Assert.Equal("3", chart.Deployment("silo").Spec.Template.Spec.Containers[0].Resources.Limits["cpu"].ToString());
    }
}
