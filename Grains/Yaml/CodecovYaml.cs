using System.Globalization;

namespace Codecov.Grains.Yaml;

/// <summary>
/// A codecov.yml document: an immutable mapping whose nodes keep their source positions.
/// Reading never mutates; pre-processing, validation and merging build new documents.
/// </summary>
public sealed partial class CodecovYaml
{
    public CodecovYaml(YamlMapping root) => Root = root;

    public static CodecovYaml Empty { get; } = new(YamlMapping.Empty);

    public YamlMapping Root { get; }

    /// <summary>
    /// Reads YAML text. Null for an empty file; throws <see cref="CodecovYamlException"/> for bad
    /// syntax, a limit exceeded, or a document that is not a mapping ("Yaml needs to be a dict").
    /// </summary>
    public static CodecovYaml? Parse(string text, YamlReadLimits? limits = null) =>
        YamlTreeReader.Read(text, limits) switch
        {
            null => null,
            YamlMapping mapping => new CodecovYaml(mapping),
            var other => throw new CodecovYamlException("Yaml needs to be a dict", other.Position),
        };

    /// <summary>The node at a dotted path (<c>coverage.status.project</c>), or null.</summary>
    public YamlNode? TryGet(string path) => TryGet(path.Split('.'));

    public YamlNode? TryGet(params string[] keys)
    {
        YamlNode? node = Root;
        foreach (var key in keys)
            node = node is YamlMapping mapping ? mapping[key] : null;
        return node;
    }

    public bool? GetBool(string path) => TryGet(path) is YamlScalar { Kind: YamlScalarKind.Bool, Value: bool b } ? b : null;

    public long? GetInt(string path) => TryGet(path) is YamlScalar { Kind: YamlScalarKind.Int, Value: long n } ? n : null;

    public double? GetNumber(string path) => TryGet(path) is YamlScalar { IsNumber: true } s ? s.AsDouble() : null;

    public string? GetString(string path) => TryGet(path) is YamlScalar { Kind: YamlScalarKind.String, Value: string s } ? s : null;

    /// <summary>The string items of a list (non-strings skipped), or null when the key is no list.</summary>
    public IReadOnlyList<string>? GetList(string path) => TryGet(path) is YamlSequence list
        ? list.Items.OfType<YamlScalar>().Where(s => s.Kind == YamlScalarKind.String).Select(s => (string)s.Value!).ToList()
        : null;

    public YamlMapping? GetMapping(string path) => TryGet(path) as YamlMapping;

    /// <summary>The document as indented JSON (Python <c>json.dumps(indent=2)</c> layout), for <c>/validate</c>.</summary>
    public string ToJson() => YamlJson.Write(Root);
}

/// <summary>Writes nodes as JSON the way Python's <c>json.dumps(value, indent=2)</c> lays them out.</summary>
internal static class YamlJson
{
    public static string Write(YamlNode node)
    {
        var text = new System.Text.StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(YamlNode node, System.Text.StringBuilder text, int indent)
    {
        switch (node)
        {
            case YamlMapping { Count: 0 }: text.Append("{}"); break;
            case YamlSequence { Items.Count: 0 }: text.Append("[]"); break;
            case YamlMapping mapping:
                Block(text, indent, '{', '}', mapping.Entries, (e, t) => { t.Append(Quote(e.Key)).Append(": "); Write(e.Value, t, indent + 2); });
                break;
            case YamlSequence sequence:
                Block(text, indent, '[', ']', sequence.Items, (i, t) => Write(i, t, indent + 2));
                break;
            case YamlScalar scalar:
                text.Append(Scalar(scalar));
                break;
        }
    }

    private static void Block<T>(System.Text.StringBuilder text, int indent, char open, char close, IReadOnlyList<T> items, Action<T, System.Text.StringBuilder> item)
    {
        text.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 2);
            item(items[i], text);
        }
        text.Append('\n').Append(' ', indent).Append(close);
    }

    private static string Scalar(YamlScalar scalar) => scalar.Kind switch
    {
        YamlScalarKind.Null => "null",
        YamlScalarKind.Bool => (bool)scalar.Value! ? "true" : "false",
        YamlScalarKind.Int => ((long)scalar.Value!).ToString(CultureInfo.InvariantCulture),
        YamlScalarKind.Float => PythonFloat((double)scalar.Value!),
        _ => Quote((string)scalar.Value!),
    };

    private static string PythonFloat(double value) => value switch
    {
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        double.NaN => "NaN",
        _ when value == Math.Floor(value) && Math.Abs(value) < 1e16 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    // json.dumps escapes non-ASCII by default (ensure_ascii=True).
    private static string Quote(string value)
    {
        var text = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < 0x20 || c > 0x7e => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
