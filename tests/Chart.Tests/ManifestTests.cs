using k8s;
using k8s.Models;

namespace Codecov.Chart.Tests;

public sealed class ManifestTests
{
    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Lint_passes_in_strict_mode(string valueSet)
    {
        var result = Helm.Lint(Renders.ArgumentsOf(valueSet));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("0 chart(s) failed", result.Output);
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void Every_rendered_object_passes_the_Kubernetes_API_schemas(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        Assert.Empty(KubernetesSchemas.Validate(chart.Objects));
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void The_release_consists_of_silos_gateways_their_scaling_and_access_and_the_migration(string valueSet)
    {
        var chart = Renders.Of(valueSet);

        var kinds = chart.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, kinds["Deployment"]);
        Assert.Equal(2, kinds["Service"]);
        Assert.Equal(2, kinds["HorizontalPodAutoscaler"]);
        Assert.Equal(2, kinds["PodDisruptionBudget"]);
        Assert.Equal(2, kinds["ServiceAccount"]);
        Assert.Equal(1, kinds["Role"]);
        Assert.Equal(1, kinds["RoleBinding"]);
        Assert.Equal(1, kinds["ConfigMap"]);
        Assert.Equal(1, kinds["Job"]);
        Assert.DoesNotContain("Secret", kinds.Keys);
        Assert.DoesNotContain("StatefulSet", kinds.Keys);
    }

    [Fact]
    public void The_schema_check_refuses_an_object_without_a_required_field()
    {
        var deployment = Renders.Of(Renders.Defaults).Deployment("gateway");
        var broken = KubernetesJson.Deserialize<V1Deployment>(KubernetesJson.Serialize(deployment));
        broken.Spec.Template.Spec.Containers[0].Name = null;
        broken.Spec.Selector = null;

        var failure = Assert.Single(KubernetesSchemas.Validate([broken]));
        Assert.Equal("Deployment", failure.Kind);
        Assert.Contains("required property", failure.Error);
    }

    [Fact]
    public void Strict_loading_refuses_a_field_the_API_does_not_know()
    {
        var yaml = Renders.Of(Renders.Defaults).Yaml.Replace("minReadySeconds:", "minReadySecond:", StringComparison.Ordinal);

        Assert.ThrowsAny<Exception>(() => RenderedChart.Parse(yaml));
    }
}
