namespace Codecov.Grains.Yaml;

/// <summary>A codecov.yml that cannot be read at all (bad syntax or over a safety limit).</summary>
public sealed class CodecovYamlException(string message, YamlPosition position) : Exception(message)
{
    public YamlPosition Position { get; } = position;

    /// <summary>The parser's problem without the position, like PyYAML's <c>problem</c> field.</summary>
    public string Problem { get; } = message;

    public override string Message =>
        Position.Line > 0 ? $"{Problem} (line {Position.Line}, column {Position.Column})" : Problem;
}
