using System.Diagnostics;
using System.Reflection;
using Codecov.Silo.Hosting;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Chart.Tests;

/// <summary>
/// A rendered pod's settings as the product reads them at start: the ConfigMap through <c>envFrom</c>,
/// then <c>env</c> with <c>$(VAR)</c> references expanded, Secrets and the downward API standing in with
/// plausible values. The product's own Program composes its host on them (nothing starts) and every
/// options class of the product is created, which runs its start-up validation.
/// </summary>
public static class ProductStartup
{
    public static Dictionary<string, string?> PodSettings(RenderedChart chart, V1Deployment deployment)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var container = deployment.Spec.Template.Spec.Containers[0];
        foreach (var source in container.EnvFrom ?? [])
            foreach (var (key, value) in chart.Single<V1ConfigMap>(source.ConfigMapRef.Name).Data)
                environment[key] = value;
        foreach (var variable in container.Env ?? [])
            environment[variable.Name] = variable.Value is { } value ? Expand(value, environment) : StandIn(variable);
        return environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Validation failures of every product options class the gateway's Program registers; empty when it would start.</summary>
    public static IReadOnlyList<string> GatewayFailures(IReadOnlyDictionary<string, string?> settings) =>
        Failures(Compose(typeof(Codecov.Gateway.GatewayServiceExtensions).Assembly, settings));

    public static IReadOnlyList<string> SiloFailures(IReadOnlyDictionary<string, string?> settings) =>
        Failures(Compose(typeof(SiloModeExtensions).Assembly, settings));

    /// <summary>
    /// Runs the product's own Program with <paramref name="settings"/> on its command line and stops it
    /// the moment its host is built (as ASP.NET Core's test host does, through the hosting diagnostics
    /// events), so every registration Program makes is there and nothing starts.
    /// </summary>
    private static IServiceCollection Compose(Assembly program, IReadOnlyDictionary<string, string?> settings)
    {
        lock (ComposeGate)
        {
            IServiceCollection? services = null;
            using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
            {
                if (listener.Name != "Microsoft.Extensions.Hosting") return;
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    // The builder shows itself as an IHostBuilder here; what is queued on it is applied before the build.
                    if (e is { Key: "HostBuilding", Value: IHostBuilder building }) building.ConfigureServices(collection => services = collection);
                    if (e.Key == "HostBuilt") throw new CompositionStopped();
                }));
            }));
            var arguments = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
            try
            {
                program.EntryPoint!.Invoke(null, [arguments]);
                throw new InvalidOperationException($"{program.GetName().Name} returned without building a host.");
            }
            catch (TargetInvocationException e) when (e.InnerException is CompositionStopped)
            {
            }
            return services ?? throw new InvalidOperationException($"{program.GetName().Name} built its host without a HostBuilding event.");
        }
    }

    private static IReadOnlyList<string> Failures(IServiceCollection services)
    {
        var optionTypes = services
            .Where(d => d.ServiceType.IsGenericType && IsOptionsSetup(d.ServiceType.GetGenericTypeDefinition()))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Codecov.", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        Assert.NotEmpty(optionTypes);
        using var provider = services.BuildServiceProvider();
        var failures = new List<string>();
        foreach (var type in optionTypes)
        {
            var factory = provider.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(type));
            try
            {
                factory.GetType().GetMethod("Create")!.Invoke(factory, [Options.DefaultName]);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                failures.AddRange(invalid.Failures);
            }
        }
        return failures;
    }

    private static readonly object ComposeGate = new();

    private sealed class CompositionStopped : Exception;

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private static bool IsOptionsSetup(Type definition) =>
        definition == typeof(IConfigureOptions<>) || definition == typeof(IValidateOptions<>) || definition == typeof(IPostConfigureOptions<>);

    private static string Expand(string value, IReadOnlyDictionary<string, string> environment) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"\$\(([A-Za-z_][A-Za-z0-9_]*)\)",
            m => environment.TryGetValue(m.Groups[1].Value, out var known) ? known : m.Value);

    private static string StandIn(V1EnvVar variable) => variable.ValueFrom switch
    {
        { FieldRef.FieldPath: "status.podIP" } => "10.1.2.3",
        { FieldRef.FieldPath: "metadata.name" } => "codecov-silo-5d8f7c9b4-x2k9q",
        { FieldRef.FieldPath: "metadata.namespace" } => Helm.Namespace,
        { SecretKeyRef: not null } => variable.Name switch
        {
            "ConnectionStrings__Postgres" => "Host=postgres;Username=codecov;Password=stand-in;Database=codecov",
            "ConnectionStrings__Redis" => "redis:6379,abortConnect=false",
            // Tokens and keys: long enough for the product's rules, each different.
            _ => $"{variable.Name.ToLowerInvariant().Replace("__", "-", StringComparison.Ordinal)}-0123456789abcdef0123456789abcdef",
        },
        _ => throw new InvalidOperationException($"No stand-in for {variable.Name}."),
    };
}
