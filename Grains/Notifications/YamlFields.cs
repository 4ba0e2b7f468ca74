using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>
/// Typed reads of one key of a validated mapping, as Python's <c>dict.get</c> sees it: a key that is
/// missing or holds another type reads as null.
/// </summary>
internal static class YamlFields
{
    public static bool? Bool(this YamlMapping mapping, string key) =>
        mapping[key] is YamlScalar { Kind: YamlScalarKind.Bool, Value: bool value } ? value : null;

    public static long? Int(this YamlMapping mapping, string key) =>
        mapping[key] is YamlScalar { Kind: YamlScalarKind.Int, Value: long value } ? value : null;

    public static string? String(this YamlMapping mapping, string key) =>
        mapping[key] is YamlScalar { Kind: YamlScalarKind.String, Value: string value } ? value : null;

    /// <summary>The validator turns numbers and <c>"N%"</c> into floats; Codecov reads them as <c>Decimal(str(value))</c>.</summary>
    public static decimal? Percent(this YamlMapping mapping, string key) =>
        mapping[key] is YamlScalar { IsNumber: true } number ? CoverageRounding.FromDoubleText(number.AsDouble()) : null;

    /// <summary>The string items of a list, or null when the key holds no list (YAML null, missing).</summary>
    public static IReadOnlyList<string>? Strings(this YamlMapping mapping, string key) =>
        mapping[key] is YamlSequence list ? Strings(list) : null;

    public static IReadOnlyList<string> Strings(YamlSequence list) =>
        list.Items.OfType<YamlScalar>().Where(s => s.Kind == YamlScalarKind.String).Select(s => (string)s.Value!).ToList();

    public static IEnumerable<YamlMapping> Mappings(this YamlMapping mapping, string key) =>
        mapping[key] is YamlSequence list ? list.Items.OfType<YamlMapping>() : [];

    /// <summary>A copy of <paramref name="under"/> with every key of <paramref name="over"/> set: Python's <c>{**under, **over}</c>.</summary>
    public static YamlMapping Overlay(this YamlMapping under, YamlMapping over)
    {
        var result = under;
        foreach (var entry in over.Entries) result = result.With(entry.Key, entry.Value, entry.KeyPosition);
        return result;
    }

    public static YamlSequence StringList(IEnumerable<string> items) =>
        new(items.Select(i => (YamlNode)YamlScalar.String(i)).ToList());
}
