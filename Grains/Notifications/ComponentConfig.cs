using System.Text.RegularExpressions;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>
/// One <c>component_management.individual_components</c> entry with <c>default_rules</c> under it
/// (shared <c>UserYaml.get_components</c>: <c>{**default_rules, **component}</c>, a shallow overlay;
/// codecov-semantics §2).
/// </summary>
internal sealed record ComponentConfig(
    string Id,
    string DisplayName,
    IReadOnlyList<string> FlagRegexes,
    IReadOnlyList<string> Paths,
    IReadOnlyList<YamlMapping> Statuses)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<ComponentConfig> All(CodecovYaml yaml)
    {
        if (yaml.GetMapping("component_management") is not { Count: > 0 } management) return [];
        var defaults = management["default_rules"] as YamlMapping ?? YamlMapping.Empty;
        return management.Mappings("individual_components").Select(c => From(defaults.Overlay(c))).ToList();
    }

    private static ComponentConfig From(YamlMapping component) => new(
        NonEmpty(component.String("component_id")) ?? DisplayNameOf(component),
        DisplayNameOf(component),
        component.Strings("flag_regexes") ?? [],
        component.Strings("paths") ?? [],
        component.Mappings("statuses").ToList());

    /// <summary><c>Component.get_display_name</c>: <c>name</c>, else <c>component_id</c>, else <c>default_component</c>.</summary>
    private static string DisplayNameOf(YamlMapping component) =>
        NonEmpty(component.String("name")) ?? NonEmpty(component.String("component_id")) ?? "default_component";

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>
    /// <c>Component.get_matching_flags</c>: the known flags that some regex matches with Python's
    /// <c>re.match</c> (anchored at the start only). A pattern .NET cannot compile matches nothing.
    /// </summary>
    public IReadOnlyList<string> MatchingFlags(IReadOnlyList<string> knownFlags)
    {
        var regexes = FlagRegexes.Select(Compile).OfType<Regex>().ToList();
        return knownFlags.Where(flag => regexes.Any(r => r.IsMatch(flag))).Distinct(StringComparer.Ordinal).ToList();
    }

    public ComponentDefinition ToDefinition(IReadOnlyList<string> knownFlags) => new(DisplayName, MatchingFlags(knownFlags), Paths, Id);

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(@"\A(?:" + pattern + ")", RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
