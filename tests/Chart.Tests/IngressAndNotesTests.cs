using k8s.Models;

namespace Codecov.Chart.Tests;

public sealed class IngressAndNotesTests
{
    [Fact]
    public void No_ingress_is_created_unless_asked_for()
    {
        Assert.Empty(Renders.Of(Renders.Defaults).All<V1Ingress>());
    }

    [Fact]
    public void The_ingress_routes_its_host_to_the_gateway_service_over_tls()
    {
        var chart = Renders.Of(Renders.Production);

        var ingress = Assert.Single(chart.All<V1Ingress>());
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        var tls = Assert.Single(ingress.Spec.Tls);
        Assert.Equal(["codecov.example.com"], tls.Hosts);
        Assert.Equal("codecov-example-com-tls", tls.SecretName);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal("codecov.example.com", rule.Host);
        var backend = Assert.Single(rule.Http.Paths).Backend.Service;
        var gatewayService = Assert.Single(chart.All<V1Service>(), s => s.Metadata.Name == backend.Name);
        Assert.Contains(gatewayService.Spec.Ports, p => p.Name == backend.Port.Name);
        Assert.Equal("500m", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-body-size"]);
    }

    [Fact]
    public void Install_notes_give_the_url_the_first_admin_sign_in_and_the_rollout_commands()
    {
        var result = Helm.DryRunInstall("blue", Renders.ProductionArguments);

        Assert.True(result.Succeeded, result.ToString());
        var notes = result.Output[result.Output.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.Contains("https://codecov.example.com", notes);
        Assert.Contains("kubectl -n codecov rollout status deployment/blue-codecov-silo", notes);
        Assert.Contains("kubectl -n codecov rollout status deployment/blue-codecov-gateway", notes);
        Assert.Contains("kubectl -n codecov logs job/blue-codecov-migrate", notes);
        Assert.Contains("logs -l app.kubernetes.io/instance=blue,app.kubernetes.io/component=gateway", notes);
        Assert.Contains("| grep -iE 'sign-?in'", notes);
        Assert.Contains("github/alice, github/bob", notes);
    }

    [Fact]
    public void Without_a_url_the_notes_explain_how_to_reach_the_gateway()
    {
        var result = Helm.DryRunInstall("codecov");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("port-forward service/codecov-gateway 8080:80", result.Output);
        Assert.Contains("Set `publicUrl`", result.Output);
    }
}
