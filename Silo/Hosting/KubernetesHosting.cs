using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting.Kubernetes;

namespace Codecov.Silo.Hosting;

/// <summary>
/// Orleans' Kubernetes hosting (<c>Orleans:Kubernetes:*</c>) beside ADO.NET clustering, which stays the
/// membership store: the silo takes its name and address from its pod, labels the pod with its
/// ServiceId and ClusterId, and declares silos dead whose pods are gone instead of waiting for missed
/// probes (orleans-notes §1.11).
/// </summary>
public static class KubernetesHosting
{
    public const string SectionName = "Orleans:Kubernetes";
    public const string EnabledKey = SectionName + ":Enabled";

    /// <summary>Set by the kubelet in every container of a pod.</summary>
    public const string InPodVariable = "KUBERNETES_SERVICE_HOST";

    /// <summary>
    /// <c>Orleans:Kubernetes:Enabled</c> when set; otherwise on inside a pod only, so local clusters and
    /// tests never reach for a Kubernetes API. It needs RBAC on pods (get, list, watch, patch; delete with
    /// <c>DeleteDefunctSiloPods</c>): manifests without it set the key to false.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, Func<string, string?> environment)
    {
        var value = configuration[EnabledKey];
        if (string.IsNullOrWhiteSpace(value)) return !string.IsNullOrEmpty(environment(InPodVariable));
        return bool.TryParse(value, out var enabled)
            ? enabled
            : throw new InvalidOperationException($"{EnabledKey} '{value}' is not true or false.");
    }

    /// <summary>
    /// Adds Kubernetes hosting when <see cref="IsEnabled"/> says so, binding <c>MaxAgents</c>,
    /// <c>MaxKubernetesApiRetryAttempts</c> and <c>DeleteDefunctSiloPods</c> from <c>Orleans:Kubernetes</c>.
    /// The pod name (<c>POD_NAME</c>) becomes the silo name, and the pod IP (<c>POD_IP</c>) the advertised
    /// address unless <c>Orleans:AdvertisedIPAddress</c> names one.
    /// </summary>
    public static ISiloBuilder UseKubernetesHostingWhenEnabled(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (!IsEnabled(configuration, Environment.GetEnvironmentVariable)) return silo;
        return silo.UseKubernetesHosting(options => options.BindConfiguration(SectionName));
    }
}
