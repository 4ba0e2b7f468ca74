using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Codecov.Grains.Yaml;

/// <summary>Safety limits for reading user YAML; codecov.yml files are a few kilobytes.</summary>
public sealed record YamlReadLimits(int MaxChars = 256 * 1024, int MaxDepth = 32, int MaxNodes = 20_000)
{
    public static YamlReadLimits Default { get; } = new();
}

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, keeping each node's
/// position. Aliases reuse the anchored (immutable) node, but every use counts its whole size
/// against <see cref="YamlReadLimits.MaxNodes"/>, so an alias bomb stops early instead of
/// expanding for whoever walks or serialises the tree later.
/// </summary>
internal sealed class YamlTreeReader
{
    private const string MergeKey = "<<";

    private readonly IParser parser;
    private readonly YamlReadLimits limits;
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private int nodes;

    private YamlTreeReader(IParser parser, YamlReadLimits limits)
    {
        this.parser = parser;
        this.limits = limits;
    }

    /// <summary>The single document's root, or null for an empty stream (PyYAML returns None).</summary>
    public static YamlNode? Read(string text, YamlReadLimits? limits = null)
    {
        limits ??= YamlReadLimits.Default;
        if (text.Length > limits.MaxChars)
            throw new CodecovYamlException($"codecov.yml is larger than {limits.MaxChars} characters", YamlPosition.None);
        var reader = new YamlTreeReader(new Parser(new StringReader(text)), limits);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            throw new CodecovYamlException(Describe(e), new YamlPosition((int)e.Start.Line, (int)e.Start.Column));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed plain scalars; the last event read is where it stopped.
            var last = reader.parser.Current;
            throw new CodecovYamlException("invalid YAML", last is null ? YamlPosition.None : At(last));
        }
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 3) - (…): "; we report the position ourselves.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    private YamlNode? ReadStream()
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = ReadNode(depth: 1);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var extra))
            throw new CodecovYamlException("expected a single document in the stream", At(extra));
        parser.Consume<StreamEnd>();
        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        if (depth > limits.MaxDepth)
            throw new CodecovYamlException($"nesting is deeper than {limits.MaxDepth} levels", At(parser.Current!));
        var node = parser.Current switch
        {
            AnchorAlias alias => ReadAlias(alias),
            Scalar scalar => ReadScalar(scalar),
            SequenceStart start => ReadSequence(start, depth),
            MappingStart start => ReadMapping(start, depth),
            var other => throw new CodecovYamlException($"unexpected {other?.GetType().Name}", At(other!)),
        };
        return node;
    }

    private YamlNode ReadAlias(AnchorAlias alias)
    {
        parser.MoveNext();
        if (!anchors.TryGetValue(alias.Value.Value, out var node))
            throw new CodecovYamlException($"found undefined alias '{alias.Value.Value}'", At(alias));
        Count(node.Size, alias);
        return node;
    }

    private YamlNode ReadScalar(Scalar scalar)
    {
        parser.MoveNext();
        Count(1, scalar);
        var plain = scalar.Style == ScalarStyle.Plain;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        return Remember(scalar.Anchor, YamlScalarResolver.Resolve(scalar.Value, plain, tag, At(scalar)));
    }

    private YamlNode ReadSequence(SequenceStart start, int depth)
    {
        parser.MoveNext();
        Count(1, start);
        var items = new List<YamlNode>();
        while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(depth + 1));
        return Remember(start.Anchor, new YamlSequence(items, At(start)));
    }

    private YamlNode ReadMapping(MappingStart start, int depth)
    {
        parser.MoveNext();
        Count(1, start);
        var merged = new List<YamlEntry>();
        var own = new List<YamlEntry>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current!;
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is YamlScalar { Kind: YamlScalarKind.String, Value: MergeKey }) merged.AddRange(MergeSources(value, keyEvent));
            else own.Add(new YamlEntry(KeyText(key, keyEvent), key.Position, value));
        }
        // PyYAML's merge key: merged entries first, so the mapping's own keys override them.
        return Remember(start.Anchor, new YamlMapping(merged.Concat(own), At(start)));
    }

    private static IEnumerable<YamlEntry> MergeSources(YamlNode value, ParsingEvent at) => value switch
    {
        YamlMapping mapping => mapping.Entries,
        YamlSequence sequence when sequence.Items.All(i => i is YamlMapping) =>
            sequence.Items.Cast<YamlMapping>().Reverse().SelectMany(m => m.Entries),
        _ => throw new CodecovYamlException("expected a mapping or list of mappings for merging", At(at)),
    };

    private static string KeyText(YamlNode key, ParsingEvent at) => key is YamlScalar scalar
        ? scalar.ToString()
        : throw new CodecovYamlException("found unhashable key", At(at));

    private YamlNode Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
        return node;
    }

    private void Count(int size, ParsingEvent at)
    {
        nodes += size;
        if (nodes > limits.MaxNodes)
            throw new CodecovYamlException($"more than {limits.MaxNodes} nodes (aliases included)", At(at));
    }

    private static YamlPosition At(ParsingEvent e) => new((int)e.Start.Line, (int)e.Start.Column);
}
