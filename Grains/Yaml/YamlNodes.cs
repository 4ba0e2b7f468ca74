using System.Globalization;

namespace Codecov.Grains.Yaml;

/// <summary>Where a node starts in its source text (1-based), so errors can name the line.</summary>
public readonly record struct YamlPosition(int Line, int Column)
{
    public static YamlPosition None => default;
}

/// <summary>
/// An immutable codecov.yml node. We keep our own small node types rather than
/// System.Text.Json.Nodes because every node must carry its source position (JsonNode has no slot
/// for it), scalars must keep the YAML 1.1 type PyYAML would give them (bool, int, float, null,
/// string), and merged documents share unchanged subtrees safely only when nodes cannot change.
/// </summary>
public abstract class YamlNode(YamlPosition position)
{
    public YamlPosition Position { get; } = position;

    /// <summary>Nodes in this subtree (itself included); bounded by the reader's limits.</summary>
    public abstract int Size { get; }
}

public enum YamlScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}

public sealed class YamlScalar : YamlNode
{
    private YamlScalar(YamlPosition position, YamlScalarKind kind, object? value) : base(position)
    {
        Kind = kind;
        Value = value;
    }

    public YamlScalarKind Kind { get; }

    /// <summary>null, bool, long, double or string according to <see cref="Kind"/>.</summary>
    public object? Value { get; }

    public override int Size => 1;

    public static YamlScalar Null(YamlPosition position = default) => new(position, YamlScalarKind.Null, null);
    public static YamlScalar Bool(bool value, YamlPosition position = default) => new(position, YamlScalarKind.Bool, value);
    public static YamlScalar Int(long value, YamlPosition position = default) => new(position, YamlScalarKind.Int, value);
    public static YamlScalar Float(double value, YamlPosition position = default) => new(position, YamlScalarKind.Float, value);
    public static YamlScalar String(string value, YamlPosition position = default) => new(position, YamlScalarKind.String, value);

    public bool IsNumber => Kind is YamlScalarKind.Int or YamlScalarKind.Float;

    public double AsDouble() => Kind switch
    {
        YamlScalarKind.Int => (long)Value!,
        YamlScalarKind.Float => (double)Value!,
        _ => throw new InvalidOperationException($"A {Kind} scalar is not a number."),
    };

    public override string ToString() => Kind switch
    {
        YamlScalarKind.Null => "null",
        YamlScalarKind.Bool => (bool)Value! ? "true" : "false",
        YamlScalarKind.Float => ((double)Value!).ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture)!,
    };
}

public sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, YamlPosition position = default) : base(position)
    {
        Items = items;
        Size = 1 + items.Sum(i => i.Size);
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override int Size { get; }
}

/// <summary>A mapping with string keys in source order; a repeated key keeps its last value, as PyYAML does.</summary>
public sealed class YamlMapping : YamlNode
{
    private readonly Dictionary<string, YamlNode> values;

    public YamlMapping(IEnumerable<YamlEntry> entries, YamlPosition position = default) : base(position)
    {
        var ordered = new List<YamlEntry>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (slots.TryGetValue(entry.Key, out var at)) ordered[at] = entry;
            else
            {
                slots[entry.Key] = ordered.Count;
                ordered.Add(entry);
            }
            values[entry.Key] = entry.Value;
        }
        Entries = ordered;
        Size = 1 + ordered.Sum(e => e.Value.Size);
    }

    public static YamlMapping Empty { get; } = new([]);

    public IReadOnlyList<YamlEntry> Entries { get; }

    public override int Size { get; }

    public int Count => Entries.Count;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public YamlNode? this[string key] => values.GetValueOrDefault(key);

    /// <summary>A copy with <paramref name="key"/> set (added at the end, or replaced in place).</summary>
    public YamlMapping With(string key, YamlNode value, YamlPosition keyPosition = default)
    {
        var entries = Entries.ToList();
        var at = entries.FindIndex(e => e.Key == key);
        if (at >= 0) entries[at] = entries[at] with { Value = value };
        else entries.Add(new YamlEntry(key, keyPosition, value));
        return new YamlMapping(entries, Position);
    }

    public YamlMapping Without(string key) =>
        ContainsKey(key) ? new YamlMapping(Entries.Where(e => e.Key != key), Position) : this;
}

public sealed record YamlEntry(string Key, YamlPosition KeyPosition, YamlNode Value);
