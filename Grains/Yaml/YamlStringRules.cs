using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>
/// <c>CustomFixPathSchemaField</c>: a <c>fixes</c> entry needs <c>before::after</c>. The entry is
/// kept as written; <see cref="Paths.UserPathFixes"/> does Codecov's translation when it applies it.
/// </summary>
internal sealed class PathFixRule : CoercionRule
{
    public override string Expected => "a string";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.String };

    protected override (YamlNode?, string?) Coerce(YamlNode node) =>
        node.ToString()!.Contains("::", StringComparison.Ordinal) ? Ok(node) : Bad("Pathfix must split before and after with a ::");
}

/// <summary>
/// <c>UserGivenBranchRegex</c>: branch patterns become anchored regexes (<c>*</c> → <c>.*</c>),
/// which is how Codecov stores them and how status/comment <c>branches</c> are matched.
/// </summary>
internal sealed partial class BranchPatternRule : CoercionRule
{
    public override string Expected => "a string";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.String };

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var regex = ToRegex(node.ToString()!);
        try
        {
            _ = new Regex(regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return Bad($"{node} is not a valid branch pattern");
        }
        return Ok(YamlScalar.String(regex, node.Position));
    }

    public static string ToRegex(string value)
    {
        if (value is "*" or "" or ".*") return ".*";
        var regex = LoneStar().Replace(value.Trim(), ".*");
        if (!regex.StartsWith(".*", StringComparison.Ordinal) && !regex.StartsWith('^')) regex = "^" + regex;
        if (!regex.EndsWith(".*", StringComparison.Ordinal) && !regex.EndsWith('$')) regex += "$";
        return regex;
    }

    [GeneratedRegex(@"(?<!\.)\*")]
    private static partial Regex LoneStar();
}

/// <summary><c>BranchSchemaField</c>: <c>codecov.branch</c> loses an <c>origin/</c> or <c>refs/heads/</c> prefix.</summary>
internal sealed class BranchNameRule : CoercionRule
{
    public override string Expected => "a string";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.String };

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var value = node.ToString()!;
        if (value.StartsWith("origin/", StringComparison.Ordinal)) value = value[7..];
        else if (value.StartsWith("refs/heads/", StringComparison.Ordinal)) value = value[11..];
        return Ok(YamlScalar.String(value, node.Position));
    }
}

/// <summary>
/// <c>BundleSizeThresholdSchemaField</c>: an integer or <c>"10 mb"</c> is a size, a float or
/// <c>"5%"</c> a percentage. Validated only; bundle analysis is not part of this product.
/// </summary>
internal sealed partial class BundleThresholdRule : CoercionRule
{
    public override string Expected => "a size like \"10mb\" or a percentage";

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var scalar = (YamlScalar)node;
        switch (scalar.Kind)
        {
            case YamlScalarKind.Int:
                return (long)scalar.Value! < 0 ? Bad("Only positive values accepted") : Ok(node);
            case YamlScalarKind.Float:
                return Ok(node);
            case YamlScalarKind.String when scalar.ToString().Contains('%'):
                return new PercentRule(allowAuto: false).Apply(node, [], new YamlValidationScope()) is null
                    ? Bad(scalar + " should be a number") : Ok(node);
            case YamlScalarKind.String:
                return ByteSize().IsMatch(scalar.ToString().ToLower(CultureInfo.InvariantCulture)) ? Ok(node)
                    : Bad("Value doesn't match expected regex. Acceptable extensions are mb, kb, gb, b or bytes");
            default:
                return Bad("Value should be int or str. Received " + scalar.Kind.ToString().ToLowerInvariant());
        }
    }

    [GeneratedRegex(@"^(\d+)\s*(mb|kb|gb|b|bytes)$")]
    private static partial Regex ByteSize();
}
