using System.Diagnostics;
using System.Text.Json;
using k8s;

namespace Codecov.Chart.Tests;

/// <summary>
/// The API's JSON schemas (npm kubernetes-models): required fields, types and formats that the typed
/// models of <see cref="RenderedChart"/> do not check.
/// </summary>
public static class KubernetesSchemas
{
    public sealed record Failure(string Kind, string? Name, string Error);

    public static IReadOnlyList<Failure> Validate(IEnumerable<object> objects)
    {
        var json = "[" + string.Join(",", objects.Select(o => KubernetesJson.Serialize(o))) + "]";
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "validate-objects.mjs"));
        start.ArgumentList.Add(Helm.KubernetesModels);
        var result = Helm.RunToEnd(start, json);
        if (!result.Succeeded) throw new InvalidOperationException($"validate-objects.mjs failed: {result}");
        return JsonSerializer.Deserialize<List<Failure>>(result.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
