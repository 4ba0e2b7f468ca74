using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>
/// Silos form one Orleans cluster over ADO.NET membership, with Orleans' Kubernetes hosting beside it:
/// pod name and IP, the orleans/serviceId and orleans/clusterId pod labels, and the RBAC it needs.
/// </summary>
public sealed class OrleansHostingTests
{
    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Silo_pods_carry_the_Orleans_labels_of_the_cluster_they_run_in(string valueSet)
    {
        var chart = Renders.Of(valueSet);
        var settings = chart.Settings.Data;

        var silo = chart.Deployment("silo").Spec.Template;
        Assert.Equal(settings["Orleans__ServiceId"], silo.Metadata.Labels["orleans/serviceId"]);
        Assert.Equal(settings["Orleans__ClusterId"], silo.Metadata.Labels["orleans/clusterId"]);
        var env = silo.Spec.Containers[0].Env.ToDictionary(e => e.Name);
        Assert.Equal(settings["Orleans__ServiceId"], env["ORLEANS_SERVICE_ID"].Value);
        Assert.Equal(settings["Orleans__ClusterId"], env["ORLEANS_CLUSTER_ID"].Value);
        // Gateway pods are not silos: Orleans' hosting would take them for silos without a membership row.
        Assert.DoesNotContain("orleans/serviceId", chart.Deployment("gateway").Spec.Template.Metadata.Labels.Keys);
    }

    [Fact]
    public void The_cluster_id_defaults_to_the_release_name_so_two_releases_never_share_a_cluster()
    {
        Assert.Equal("codecov", Renders.Of(Renders.Defaults).Settings.Data["Orleans__ClusterId"]);
        Assert.Equal("green", Helm.Render("green").Settings.Data["Orleans__ClusterId"]);
        Assert.Equal("blue", Renders.Of(Renders.Production).Settings.Data["Orleans__ClusterId"]);
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Silos_advertise_their_pod_address_and_name(string valueSet)
    {
        var container = Renders.Of(valueSet).Deployment("silo").Spec.Template.Spec.Containers[0];
        var env = container.Env.ToDictionary(e => e.Name);

        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("$(POD_IP)", env["Orleans__AdvertisedIPAddress"].Value);
        Assert.Equal("$(POD_NAME)", env["Orleans__SiloName"].Value);
        // A dependent variable must come after the one it names, or Kubernetes leaves $(…) as text.
        var names = container.Env.Select(e => e.Name).ToList();
        Assert.True(names.IndexOf("POD_IP") < names.IndexOf("Orleans__AdvertisedIPAddress"));
        Assert.True(names.IndexOf("POD_NAME") < names.IndexOf("Orleans__SiloName"));
    }

    [Theory]
    [InlineData(Renders.Defaults, false)]
    [InlineData(Renders.Production, true)]
    public void Silos_may_read_watch_and_label_pods_of_their_namespace_through_their_own_account(string valueSet, bool mayDelete)
    {
        var chart = Renders.Of(valueSet);
        var silo = chart.Deployment("silo").Spec.Template.Spec;
        Assert.Equal("true", chart.Settings.Data["Orleans__Kubernetes__Enabled"]);

        var role = Assert.Single(chart.All<V1Role>());
        var rule = Assert.Single(role.Rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["pods"], rule.Resources);
        string[] expected = mayDelete ? ["get", "list", "watch", "patch", "delete"] : ["get", "list", "watch", "patch"];
        Assert.Equal(expected.Order(), rule.Verbs.Order());
        Assert.Equal(mayDelete.ToString().ToLowerInvariant(), chart.Settings.Data["Orleans__Kubernetes__DeleteDefunctSiloPods"]);

        var binding = Assert.Single(chart.All<V1RoleBinding>());
        Assert.Equal(("Role", role.Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        var subject = Assert.Single(binding.Subjects);
        Assert.Equal(("ServiceAccount", silo.ServiceAccountName, Helm.Namespace), (subject.Kind, subject.Name, subject.NamespaceProperty));
        Assert.Contains(chart.All<V1ServiceAccount>(), a => a.Metadata.Name == silo.ServiceAccountName);
        Assert.True(silo.AutomountServiceAccountToken);
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Gateways_and_the_migration_get_no_Kubernetes_API_credentials(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        var gateway = chart.Deployment("gateway").Spec.Template.Spec;
        Assert.False(gateway.AutomountServiceAccountToken);
        Assert.NotEqual(chart.Deployment("silo").Spec.Template.Spec.ServiceAccountName, gateway.ServiceAccountName);
        Assert.False(Assert.Single(chart.All<V1Job>()).Spec.Template.Spec.AutomountServiceAccountToken);
    }

    [Fact]
    public void Without_Kubernetes_hosting_silos_get_no_pod_permissions()
    {
        var chart = Helm.Render("codecov", "--set", "orleans.kubernetesHosting.enabled=false");

        Assert.Equal("false", chart.Settings.Data["Orleans__Kubernetes__Enabled"]);
        Assert.Empty(chart.All<V1Role>());
        Assert.Empty(chart.All<V1RoleBinding>());
        Assert.False(chart.Deployment("silo").Spec.Template.Spec.AutomountServiceAccountToken);
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void The_silo_service_names_the_silo_and_gateway_ports_without_a_virtual_address(string valueSet)
    {
        var chart = Renders.Of(valueSet);
        var deployment = chart.Deployment("silo");
        var service = chart.ServiceOf(deployment);

        Assert.Equal("None", service.Spec.ClusterIP);
        var containerPorts = deployment.Spec.Template.Spec.Containers[0].Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        Assert.Equal(int.Parse(chart.Settings.Data["Orleans__SiloPort"]), containerPorts["silo"]);
        Assert.Equal(int.Parse(chart.Settings.Data["Orleans__GatewayPort"]), containerPorts["orleans-gw"]);
        foreach (var port in service.Spec.Ports)
            Assert.Equal(containerPorts[port.TargetPort.Value], port.Port);
        Assert.Equal(["http", "orleans-gw", "silo"], service.Spec.Ports.Select(p => p.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void The_gateway_service_sends_http_to_the_gateway_pods(string valueSet)
    {
        var chart = Renders.Of(valueSet);
        var deployment = chart.Deployment("gateway");
        var service = chart.ServiceOf(deployment);

        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal("http", port.TargetPort.Value);
        Assert.Contains(deployment.Spec.Template.Spec.Containers[0].Ports, p => p.Name == "http");
    }
}
