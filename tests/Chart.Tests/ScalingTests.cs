using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>Each of silos and gateways scales on CPU and keeps pods through voluntary disruptions.</summary>
public sealed class ScalingTests
{
    [Theory]
    [InlineData(Renders.Defaults, 80, 2, 6)]
    [InlineData(Renders.Production, 70, 3, 12)]
    public void Silos_and_gateways_each_scale_on_cpu_between_their_bounds(string valueSet, int siloTarget, int siloMin, int siloMax)
    {
        var chart = Renders.Of(valueSet);

        foreach (var component in new[] { "silo", "gateway" })
        {
            var deployment = chart.Deployment(component);
            var autoscaler = Assert.Single(chart.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == deployment.Metadata.Name);
            Assert.Equal(("apps/v1", "Deployment"), (autoscaler.Spec.ScaleTargetRef.ApiVersion, autoscaler.Spec.ScaleTargetRef.Kind));
            var metric = Assert.Single(autoscaler.Spec.Metrics);
            Assert.Equal(("cpu", "Utilization"), (metric.Resource.Name, metric.Resource.Target.Type));
            if (component == "silo")
            {
                Assert.Equal(siloTarget, metric.Resource.Target.AverageUtilization);
                Assert.Equal((siloMin, siloMax), (autoscaler.Spec.MinReplicas, autoscaler.Spec.MaxReplicas));
            }
            // The autoscaler owns the replica count: an upgrade must not reset it.
            Assert.Null(deployment.Spec.Replicas);
        }
    }

    [Fact]
    public void The_gateway_autoscaler_aims_at_80_percent_cpu_by_default()
    {
        var autoscaler = Renders.Of(Renders.Defaults).Single<V2HorizontalPodAutoscaler>("codecov-gateway");

        Assert.Equal(80, autoscaler.Spec.Metrics[0].Resource.Target.AverageUtilization);
    }

    [Fact]
    public void Without_autoscaling_the_deployment_sets_its_own_replica_count()
    {
        var chart = Helm.Render("codecov", "--set", "silo.autoscaling.enabled=false,silo.replicas=4");

        Assert.Equal(4, chart.Deployment("silo").Spec.Replicas);
        Assert.DoesNotContain(chart.All<V2HorizontalPodAutoscaler>(), h => h.Metadata.Name == "codecov-silo");
        Assert.Contains(chart.All<V2HorizontalPodAutoscaler>(), h => h.Metadata.Name == "codecov-gateway");
    }

    [Theory]
    [InlineData(Renders.Defaults, null, "1", "1")]
    [InlineData(Renders.Production, "2", null, "1")]
    public void Silos_and_gateways_each_have_a_disruption_budget_over_their_own_pods(string valueSet, string? siloMinAvailable, string? siloMaxUnavailable, string gatewayMaxUnavailable)
    {
        var chart = Renders.Of(valueSet);

        var budgets = chart.All<V1PodDisruptionBudget>().ToList();
        Assert.Equal(2, budgets.Count);
        foreach (var component in new[] { "silo", "gateway" })
        {
            var deployment = chart.Deployment(component);
            var budget = Assert.Single(budgets, b => Labels.Same(b.Spec.Selector.MatchLabels, deployment.Spec.Selector.MatchLabels));
            if (component == "silo")
            {
                Assert.Equal(siloMinAvailable, budget.Spec.MinAvailable?.Value);
                Assert.Equal(siloMaxUnavailable, budget.Spec.MaxUnavailable?.Value);
            }
            else
            {
                Assert.Equal(gatewayMaxUnavailable, budget.Spec.MaxUnavailable?.Value);
            }
        }
    }
}
