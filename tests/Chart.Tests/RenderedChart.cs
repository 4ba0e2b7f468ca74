using k8s;
using k8s.Models;

namespace Codecov.Chart.Tests;

/// <summary>
/// The objects of one <c>helm template</c> run, each loaded strictly into the Kubernetes API's typed
/// model: an unknown field or a value of the wrong type fails the load, as the API server would refuse it.
/// </summary>
public sealed class RenderedChart
{
    private RenderedChart(string yaml, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        Yaml = yaml;
        Objects = objects;
    }

    public string Yaml { get; }

    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; }

    public static RenderedChart Parse(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true)
            .Select(o => o as IKubernetesObject<V1ObjectMeta>
                ?? throw new InvalidOperationException($"Rendered a {o.GetType().Name} that is not a Kubernetes object."))
            .ToList();
        return new RenderedChart(yaml, objects);
    }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(All<T>(), o => o.Metadata.Name == name);

    public V1Deployment Deployment(string component) =>
        Assert.Single(All<V1Deployment>(), d => d.Metadata.Labels["app.kubernetes.io/component"] == component);

    public V1ConfigMap Settings => Assert.Single(All<V1ConfigMap>());

    /// <summary>The one Service whose selector is exactly the Deployment's.</summary>
    public V1Service ServiceOf(V1Deployment deployment) =>
        Assert.Single(All<V1Service>(), s => Labels.Same(s.Spec.Selector, deployment.Spec.Selector.MatchLabels));

    /// <summary>Every pod template the chart renders: both Deployments and the migration Job.</summary>
    public IEnumerable<(string Owner, V1PodSpec Pod)> PodSpecs =>
        All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(All<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Spec)));
}

public static class Labels
{
    /// <summary>Same keys and values, in any order.</summary>
    public static bool Same(IDictionary<string, string> left, IDictionary<string, string> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
