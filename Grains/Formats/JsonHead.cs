using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// What the first bytes of a JSON report reveal: the root's kind and its top-level keys, each
/// with its value's kind, its string value and (for objects) its own keys. Enough for Codecov's
/// JSON <c>matches_content</c> checks without parsing the whole report.
/// </summary>
internal sealed class JsonHead
{
    private JsonHead(JsonTokenType root, Dictionary<string, JsonHeadValue> properties)
    {
        Root = root;
        Properties = properties;
    }

    /// <summary><see cref="JsonTokenType.StartObject"/>, <see cref="JsonTokenType.StartArray"/>, or None when the head is not JSON.</summary>
    public JsonTokenType Root { get; }

    public IReadOnlyDictionary<string, JsonHeadValue> Properties { get; }

    public bool IsObject => Root == JsonTokenType.StartObject;

    public bool Has(string key) => Properties.ContainsKey(key);

    public static JsonHead Of(ReportProbe probe)
    {
        var properties = new Dictionary<string, JsonHeadValue>(StringComparer.Ordinal);
        if (!probe.LooksLikeJson) return new JsonHead(JsonTokenType.None, properties);
        var root = JsonTokenType.None;
        try
        {
            var reader = new Utf8JsonReader(SkipBom(probe.Head.Span), isFinalBlock: false, state: default);
            if (!reader.Read()) return new JsonHead(JsonTokenType.None, properties);
            root = reader.TokenType;
            if (root == JsonTokenType.StartObject) ReadProperties(ref reader, properties);
        }
        catch (JsonException)
        {
            // Not JSON after all, or broken after the keys already read: keep what was seen.
        }
        catch (InvalidOperationException)
        {
            // A key or string that is not valid UTF-8 (or holds a lone surrogate escape): GetString throws
            // this rather than JsonException. Found by the fuzz run; the head ends there like a parse error.
        }
        return new JsonHead(root is JsonTokenType.StartObject or JsonTokenType.StartArray ? root : JsonTokenType.None, properties);
    }

    private static void ReadProperties(ref Utf8JsonReader reader, Dictionary<string, JsonHeadValue> properties)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read()) return;
            var kind = reader.TokenType;
            var text = kind == JsonTokenType.String ? reader.GetString() : null;
            var keys = new List<string>();
            properties[name] = new JsonHeadValue(kind, text, keys);
            if (kind == JsonTokenType.StartObject) { if (!ReadKeys(ref reader, keys)) return; }
            else if (kind == JsonTokenType.StartArray && !reader.TrySkip()) return;
        }
    }

    /// <summary>Collects an object's own keys, skipping their values; false when the head ends first.</summary>
    private static bool ReadKeys(ref Utf8JsonReader reader, List<string> keys)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject) return true;
            keys.Add(reader.GetString()!);
            if (!reader.Read() || !reader.TrySkip()) return false;
        }
        return false;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
}

/// <summary>A top-level value as far as the head shows it.</summary>
internal sealed record JsonHeadValue(JsonTokenType Kind, string? Text, IReadOnlyList<string> Keys);
