using System.Globalization;

namespace Codecov.Grains.Yaml;

/// <summary>
/// One schema violation. <see cref="Location"/> holds keys (string) and list indexes (int), like
/// the location Codecov's <c>InvalidYamlException</c> carries.
/// </summary>
public sealed record YamlValidationError(IReadOnlyList<object> Location, string Message, int Line)
{
    /// <summary><c>coverage.status.project.default.target</c>; list items as <c>statuses[0]</c>.</summary>
    public string Path => string.Concat(Location.Select((segment, i) => segment switch
    {
        int index => $"[{index.ToString(CultureInfo.InvariantCulture)}]",
        _ when i == 0 => segment.ToString(),
        _ => "." + segment,
    }));

    /// <summary>Python's <c>str()</c> of the location list, as Codecov's validate endpoint prints it.</summary>
    public string PythonLocation => "[" + string.Join(", ", Location.Select(segment => segment switch
    {
        int index => index.ToString(CultureInfo.InvariantCulture),
        _ => "'" + segment + "'",
    })) + "]";

    public override string ToString() =>
        Line > 0 ? $"{Path}: {Message} (line {Line.ToString(CultureInfo.InvariantCulture)})" : $"{Path}: {Message}";
}

/// <summary>Collects errors while a rule tree walks a document.</summary>
internal sealed class YamlValidationScope
{
    private readonly List<YamlValidationError> errors = [];

    public IReadOnlyList<YamlValidationError> Errors => errors;

    public void Fail(IReadOnlyList<object> path, YamlPosition position, string message) =>
        errors.Add(new YamlValidationError(path, message, position.Line));
}
