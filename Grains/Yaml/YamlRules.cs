using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>
/// One node of the schema, after the Cerberus rules Codecov's user schema is written in
/// (shared <c>validation/user_schema.py</c>). <see cref="Apply"/> validates a node and returns
/// its normalised form (coercions applied), or null after recording an error.
/// </summary>
internal abstract class YamlRule
{
    /// <summary>What the rule expects, for "must be …" messages.</summary>
    public abstract string Expected { get; }

    /// <summary>Whether the node has the YAML type this rule handles (Cerberus' <c>type</c>).</summary>
    public abstract bool Accepts(YamlNode node);

    public bool IsNullable { get; init; }

    public YamlNode? Apply(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (node is YamlScalar { Kind: YamlScalarKind.Null })
        {
            if (IsNullable) return node;
            scope.Fail(path, node.Position, "null value not allowed");
            return null;
        }
        return Check(node, path, scope);
    }

    protected abstract YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope);

    protected YamlNode? WrongType(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        scope.Fail(path, node.Position, "must be " + Expected);
        return null;
    }

    protected static IReadOnlyList<object> Child(IReadOnlyList<object> path, object segment) => [.. path, segment];
}

/// <summary>A scalar of one YAML type, optionally restricted to listed values or a regex.</summary>
internal sealed class ScalarRule(YamlScalarKind kind, string expected) : YamlRule
{
    public override string Expected { get; } = expected;
    public IReadOnlyList<string>? Allowed { get; init; }
    public Regex? Pattern { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public int? MaxLength { get; init; }

    public override bool Accepts(YamlNode node) => node is YamlScalar scalar &&
        (scalar.Kind == kind || (kind == YamlScalarKind.Float && scalar.IsNumber));

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (!Accepts(node)) return WrongType(node, path, scope);
        var scalar = (YamlScalar)node;
        var problem = Problem(scalar);
        if (problem is null) return node;
        scope.Fail(path, node.Position, problem);
        return null;
    }

    private string? Problem(YamlScalar scalar)
    {
        var text = scalar.ToString();
        if (Allowed is not null && !Allowed.Contains(text)) return $"unallowed value {text}; must be one of: {string.Join(", ", Allowed)}";
        if (MaxLength is { } length && text.Length > length) return $"max length is {length}";
        if (Pattern is not null && !Pattern.IsMatch(text)) return $"value does not match regex '{Pattern}'";
        if (Min is { } min && (long)scalar.Value! < min) return $"min value is {min}";
        if (Max is { } max && (long)scalar.Value! > max) return $"max value is {max}";
        return null;
    }
}

/// <summary>A mapping with a fixed set of keys; unknown keys are errors (Cerberus' default, which Codecov keeps).</summary>
internal sealed class MapRule(IReadOnlyDictionary<string, YamlRule> fields) : YamlRule
{
    public override string Expected => "a mapping";
    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>();

    public override bool Accepts(YamlNode node) => node is YamlMapping;

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (node is not YamlMapping mapping) return WrongType(node, path, scope);
        var entries = new List<YamlEntry>();
        foreach (var entry in mapping.Entries)
        {
            var at = Child(path, entry.Key);
            if (!fields.TryGetValue(entry.Key, out var rule))
            {
                scope.Fail(at, entry.KeyPosition, "unknown field");
                continue;
            }
            if (rule.Apply(entry.Value, at, scope) is { } value) entries.Add(entry with { Value = value });
        }
        foreach (var missing in Required.Where(k => !mapping.ContainsKey(k)))
            scope.Fail(Child(path, missing), mapping.Position, "required field");
        return new YamlMapping(entries, mapping.Position);
    }
}

/// <summary>A mapping of user-chosen names (Cerberus <c>keysrules</c>/<c>valuesrules</c>).</summary>
internal sealed class NamedMapRule(Regex keyPattern, YamlRule valueRule) : YamlRule
{
    public override string Expected => "a mapping";

    public override bool Accepts(YamlNode node) => node is YamlMapping;

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (node is not YamlMapping mapping) return WrongType(node, path, scope);
        var entries = new List<YamlEntry>();
        foreach (var entry in mapping.Entries)
        {
            var at = Child(path, entry.Key);
            if (!keyPattern.IsMatch(entry.Key))
            {
                scope.Fail(at, entry.KeyPosition, $"key does not match regex '{keyPattern}'");
                continue;
            }
            if (valueRule.Apply(entry.Value, at, scope) is { } value) entries.Add(entry with { Value = value });
        }
        return new YamlMapping(entries, mapping.Position);
    }
}

internal sealed class ListRule(YamlRule itemRule) : YamlRule
{
    public override string Expected => "a list";

    public override bool Accepts(YamlNode node) => node is YamlSequence;

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (node is not YamlSequence sequence) return WrongType(node, path, scope);
        var items = new List<YamlNode>();
        for (var i = 0; i < sequence.Items.Count; i++)
            if (itemRule.Apply(sequence.Items[i], Child(path, i), scope) is { } item) items.Add(item);
        return new YamlSequence(items, sequence.Position);
    }
}

/// <summary>Cerberus' list of types (<c>["dict", "boolean"]</c>): the first rule whose type fits applies.</summary>
internal sealed class EitherRule(params YamlRule[] rules) : YamlRule
{
    public override string Expected => string.Join(" or ", rules.Select(r => r.Expected));

    public override bool Accepts(YamlNode node) => rules.Any(r => r.Accepts(node));

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope) =>
        rules.FirstOrDefault(r => r.Accepts(node)) is { } rule ? rule.Apply(node, path, scope) : WrongType(node, path, scope);
}

/// <summary>A key whose value Codecov does not constrain (e.g. <c>cli.plugins</c> is any dict).</summary>
internal sealed class AnyRule(string expected, Func<YamlNode, bool> accepts) : YamlRule
{
    public override string Expected => expected;

    public override bool Accepts(YamlNode node) => accepts(node);

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope) =>
        Accepts(node) ? node : WrongType(node, path, scope);
}
