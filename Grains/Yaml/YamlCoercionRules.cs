using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>A rule whose value is a string or number that Codecov coerces (shared <c>validation/helpers.py</c>).</summary>
internal abstract class CoercionRule : YamlRule
{
    public override bool Accepts(YamlNode node) => node is YamlScalar;

    protected override YamlNode? Check(YamlNode node, IReadOnlyList<object> path, YamlValidationScope scope)
    {
        if (!Accepts(node)) return WrongType(node, path, scope);
        var (value, problem) = Coerce(node);
        if (problem is null) return value;
        scope.Fail(path, node.Position, problem);
        return null;
    }

    protected abstract (YamlNode? Value, string? Problem) Coerce(YamlNode node);

    protected static (YamlNode?, string?) Ok(YamlNode node) => (node, null);
    protected static (YamlNode?, string?) Bad(string problem) => (null, problem);

    /// <summary>Python's <c>str(float)</c> for the numbers in Codecov's messages.</summary>
    protected static string PyFloat(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e16
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Python's <c>float(str)</c>: surrounding spaces and exponents are fine.</summary>
    protected static bool TryPyFloat(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

/// <summary>
/// <c>PercentSchemaField</c>: <c>80</c>, <c>80.5</c>, <c>"80%"</c> become 80.0; <c>"auto"</c> stays
/// where allowed. Python counts a bool as a number, so <c>true</c> becomes 1.0 as in Codecov.
/// </summary>
internal sealed partial class PercentRule(bool allowAuto) : CoercionRule
{
    public override string Expected => allowAuto ? "\"auto\", a number or a percentage" : "a number or a percentage";

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var scalar = (YamlScalar)node;
        switch (scalar.Kind)
        {
            case YamlScalarKind.Int or YamlScalarKind.Float:
                return Ok(YamlScalar.Float(scalar.AsDouble(), node.Position));
            case YamlScalarKind.Bool:
                return Ok(YamlScalar.Float((bool)scalar.Value! ? 1 : 0, node.Position));
        }
        var text = scalar.ToString();
        if (text == "auto") return allowAuto ? Ok(node) : Bad("must be a number or a percentage, not auto");
        // re.match anchors only at the start, so "80abc" passes the regex and fails at float().
        if (!PercentStart().IsMatch(text) || !TryPyFloat(text.TrimEnd('%'), out var number)) return Bad("must be " + Expected);
        return Ok(YamlScalar.Float(number, node.Position));
    }

    [GeneratedRegex(@"^\d+(\.\d+)?%?")]
    private static partial Regex PercentStart();
}

/// <summary><c>CoverageRangeSchemaField</c>: <c>"60..80"</c>, <c>"60...80"</c> or <c>[60, 80]</c> → <c>[60.0, 80.0]</c>.</summary>
internal sealed class RangeRule : CoercionRule
{
    public override string Expected => "a range like \"60..80\", \"60...80\" or [60, 80]";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.String } or YamlSequence;

    protected override (YamlNode?, string?) Coerce(YamlNode node) =>
        node is YamlSequence list ? FromList(list) : FromText(((YamlScalar)node).ToString(), node.Position);

    private static (YamlNode?, string?) FromList(YamlSequence list)
    {
        var shown = "[" + string.Join(", ", list.Items.Select(i => i.ToString())) + "]";
        if (list.Items.Count != 2) return Bad($"{shown} should have only two elements");
        var bounds = new List<double>();
        foreach (var item in list.Items)
        {
            if (!TryNumber(item, out var bound)) return Bad($"{shown} should have numbers as the range limits");
            bounds.Add(bound);
        }
        bounds.Sort();
        return Bounded(bounds[0], bounds[1], list.Position);
    }

    private static bool TryNumber(YamlNode item, out double value)
    {
        value = 0;
        if (item is not YamlScalar scalar) return false;
        if (scalar.IsNumber) value = scalar.AsDouble();
        else if (scalar.Kind == YamlScalarKind.Bool) value = (bool)scalar.Value! ? 1 : 0;
        else return scalar.Kind == YamlScalarKind.String && TryPyFloat(scalar.ToString(), out value);
        return true;
    }

    private static (YamlNode?, string?) FromText(string text, YamlPosition position)
    {
        if (text.Contains("....", StringComparison.Ordinal)) return Bad($"{text} should have two or three dots, not four");
        var splitter = text.Contains("...", StringComparison.Ordinal) ? "..." : text.Contains("..", StringComparison.Ordinal) ? ".." : null;
        if (splitter is null) return Bad($"{text} does not have the correct format");
        var parts = text.Split(splitter);
        if (parts.Length != 2) return Bad($"{text} should have only two numbers");
        if (!TryPyFloat(parts[0], out var lower) || !TryPyFloat(parts[1], out var upper))
            return Bad($"{text} should have numbers as the range limits");
        return Bounded(lower, upper, position);
    }

    private static (YamlNode?, string?) Bounded(double lower, double upper, YamlPosition position)
    {
        if (lower is < 0 or > 100) return Bad($"Lower bound {PyFloat(lower)} should be between 0 and 100");
        if (upper is < 0 or > 100) return Bad($"Upper bound {PyFloat(upper)} should be between 0 and 100");
        if (lower > upper) return Bad($"Upper bound {PyFloat(upper)} should be bigger than {PyFloat(lower)}");
        return Ok(new YamlSequence([YamlScalar.Float(lower, position), YamlScalar.Float(upper, position)], position));
    }
}

/// <summary><c>LayoutStructure</c>: a comma list of known sections, each optionally <c>name:N</c>.</summary>
internal sealed class LayoutRule : CoercionRule
{
    private static readonly HashSet<string> Sections =
    [
        "changes", "diff", "file", "files", "flag", "flags", "footer", "header", "reach", "components",
        "suggestions", "betaprofiling", "sunburst", "tree", "uncovered", "newheader", "newfooter",
        "feedback", "newfiles", "condensed_header", "condensed_footer", "condensed_files",
    ];

    public override string Expected => "a string";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.String };

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var values = ((YamlScalar)node).ToString().Split(',');
        var unknown = values.Where(v => v.Length > 0).Select(v => v.Trim().Split(':')[0])
            .Where(name => !Sections.Contains(name)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) return Bad("Unexpected values on layout: " + string.Join(",", unknown));
        foreach (var value in values.Where(v => v.Contains(':')))
            if (!int.TryParse(value.Trim().Split(':')[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                return Bad("Improper pattern for value on layout: " + value.Trim());
        return Ok(node);
    }
}

/// <summary>
/// <c>CoverageCommentRequirementSchemaField</c>: <c>comment.require_changes</c> becomes a list of
/// OR-groups (bit sets of <see cref="RequiredChanges"/>) that must all hold.
/// </summary>
internal sealed class RequireChangesRule : CoercionRule
{
    public override string Expected => "true, false or an expression of coverage_drop, uncovered_patch, any_change with or/and";

    public override bool Accepts(YamlNode node) => node is YamlScalar { Kind: YamlScalarKind.Bool or YamlScalarKind.String };

    protected override (YamlNode?, string?) Coerce(YamlNode node)
    {
        var scalar = (YamlScalar)node;
        if (scalar.Kind == YamlScalarKind.Bool)
            return Ok(Groups([(bool)scalar.Value! ? RequiredChanges.AnyChange : RequiredChanges.None], node.Position));
        var text = scalar.ToString();
        if (text.Length == 0) return Bad("required_changes is empty");
        var groups = ParseExpression(text.ToLowerInvariant());
        return groups is null ? Bad("Failed to parse required_changes") : Ok(Groups(groups, node.Position));
    }

    private static YamlSequence Groups(IEnumerable<RequiredChanges> groups, YamlPosition position) =>
        new(groups.Select(g => (YamlNode)YamlScalar.Int((long)g, position)).ToList(), position);

    /// <summary><c>a or b and c</c>: "and" separates groups, "or" joins requirements inside one.</summary>
    internal static List<RequiredChanges>? ParseExpression(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var groups = new List<RequiredChanges>();
        var current = RequiredChanges.None;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i % 2 == 1)
            {
                if (tokens[i] == "and") { groups.Add(current); current = RequiredChanges.None; }
                else if (tokens[i] != "or") return null;
                continue;
            }
            if (RequiredChangesNames.Parse(tokens[i]) is not { } requirement) return null;
            current |= requirement;
        }
        if (tokens.Length % 2 == 0) return null;
        groups.Add(current);
        return groups;
    }
}

/// <summary>Codecov's <c>CoverageCommentRequiredChanges</c> bits.</summary>
[Flags]
public enum RequiredChanges
{
    None = 0,
    AnyChange = 1,
    CoverageDrop = 2,
    UncoveredPatch = 4,
}

internal static class RequiredChangesNames
{
    public static RequiredChanges? Parse(string token) => token switch
    {
        "any_change" => RequiredChanges.AnyChange,
        "coverage_drop" => RequiredChanges.CoverageDrop,
        "uncovered_patch" => RequiredChanges.UncoveredPatch,
        _ => null,
    };
}
