using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>The schema migration runs before the release's pods change, with the schema owner's credentials.</summary>
public sealed class MigrationJobTests
{
    [Theory]
    [InlineData(Renders.Defaults, "codecov-postgres", "owner-connection-string")]
    [InlineData(Renders.Production, "codecov-postgres-owner", "connection-string")]
    public void The_migration_runs_before_install_and_upgrade_as_the_schema_owner(string valueSet, string secret, string key)
    {
        var chart = Renders.Of(valueSet);
        var job = Assert.Single(chart.All<V1Job>());

        Assert.Equal("pre-install,pre-upgrade", job.Metadata.Annotations["helm.sh/hook"]);
        Assert.Contains("before-hook-creation", job.Metadata.Annotations["helm.sh/hook-delete-policy"]);
        var pod = job.Spec.Template.Spec;
        Assert.Equal("Never", pod.RestartPolicy);
        var container = Assert.Single(pod.Containers);
        Assert.Equal(["migrate"], container.Args);
        Assert.Equal(chart.Deployment("silo").Spec.Template.Spec.Containers[0].Image, container.Image);
        var connection = Assert.Single(container.Env);
        Assert.Equal("ConnectionStrings__Postgres", connection.Name);
        Assert.Equal((secret, key), (connection.ValueFrom.SecretKeyRef.Name, connection.ValueFrom.SecretKeyRef.Key));
    }

    [Theory]
    [MemberData(nameof(Renders.ValueSets), MemberType = typeof(Renders))]
    public void The_migration_needs_nothing_the_release_creates_after_it(string valueSet)
    {
        var chart = Renders.Of(valueSet);
        var pod = Assert.Single(chart.All<V1Job>()).Spec.Template.Spec;
        var createdByRelease = chart.Objects.Where(o => o is not V1Job).Select(o => o.Metadata.Name).ToHashSet();

        Assert.DoesNotContain(pod.ServiceAccountName ?? "", createdByRelease);
        Assert.Null(pod.Containers[0].EnvFrom);
        Assert.All(pod.Volumes, v => Assert.NotNull(v.EmptyDir));
    }

    [Fact]
    public void The_migration_can_be_left_to_the_operator()
    {
        var chart = Helm.Render("codecov", "--set", "migration.enabled=false");

        Assert.Empty(chart.All<V1Job>());
    }
}
