using Codecov.Grains.Formats;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Paths;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>
/// Everything the notifiers read from a commit's final (merged, validated) codecov.yml, mapped with
/// Codecov's semantics (codecov-semantics §2, §4, §5). Statuses and components that depend on the
/// repository's flags take the known flags, as the worker passes the repository's non-deleted flags.
/// </summary>
public sealed class NotificationConfig
{
    private readonly CodecovYaml yaml;
    private readonly StatusConfigReader statuses;
    private readonly IReadOnlyList<ComponentConfig> components;

    private NotificationConfig(CodecovYaml yaml)
    {
        this.yaml = yaml;
        statuses = new StatusConfigReader(yaml);
        components = ComponentConfig.All(yaml);
        NamedFlags = NamesOfFlags(yaml);
        Comment = CommentConfigReader.Read(yaml);
        Rounding = new CoverageRounding(yaml.Precision, RoundingOf(yaml.Round));
        Notify = new NotifySettings(yaml.NotifyAfterNBuilds, yaml.WaitForCi, yaml.RequireCiToPass, yaml.ManualTrigger, yaml.NotifyError);
        Statuses = StatusesFor(NamedFlags);
        Carryforward = NamedFlags.Select(CarryforwardOf).OfType<CarryforwardFlag>().ToList();
    }

    public static NotificationConfig From(CodecovYaml merged) => new(merged);

    /// <summary>The flags the YAML names: legacy <c>flags</c> keys, then <c>flag_management.individual_flags</c> names.</summary>
    public IReadOnlyList<string> NamedFlags { get; }

    /// <summary><see cref="StatusesFor"/> with <see cref="NamedFlags"/> as the known flags.</summary>
    public IReadOnlyList<StatusDefinition> Statuses { get; }

    /// <summary>Null when no comment is posted (<c>comment: false</c>, or ⚠ <c>comment: true</c>).</summary>
    public CommentSettings? Comment { get; }

    /// <summary><c>coverage.precision</c> and <c>coverage.round</c>.</summary>
    public CoverageRounding Rounding { get; }

    public NotifySettings Notify { get; }

    /// <summary>The <see cref="NamedFlags"/> that carry forward; use <see cref="CarryforwardOf"/> for any other flag (<c>default_rules</c>).</summary>
    public IReadOnlyList<CarryforwardFlag> Carryforward { get; }

    public ParserSettings Parsers => yaml.ParserSettings;

    public TimeSpan? MaxReportAge => yaml.MaxReportAge;

    /// <summary>Path rules for an upload carrying <paramref name="uploadFlags"/> (top-level and flag <c>ignore</c>/<c>paths</c>).</summary>
    public PathFixingRules PathRules(IEnumerable<string> uploadFlags) => yaml.PathFixingRules(uploadFlags);

    /// <summary>
    /// Worker <c>NotificationService.get_statuses</c>, in its order: <c>coverage.status</c> entries, each
    /// known flag's statuses, each component's statuses.
    /// </summary>
    public IReadOnlyList<StatusDefinition> StatusesFor(IEnumerable<string> knownFlags)
    {
        var flags = knownFlags.Distinct(StringComparer.Ordinal).ToList();
        return statuses.CoverageStatuses()
            .Concat(statuses.FlagStatuses(flags))
            .Concat(statuses.ComponentStatuses(components, flags))
            .ToList();
    }

    /// <summary>The components with their <c>flag_regexes</c> resolved against <paramref name="knownFlags"/>.</summary>
    public IReadOnlyList<ComponentDefinition> Components(IEnumerable<string> knownFlags)
    {
        var flags = knownFlags.Distinct(StringComparer.Ordinal).ToList();
        return components.Select(c => c.ToDefinition(flags)).ToList();
    }

    /// <summary>A flag's own <c>after_n_builds</c> (0 when unset), which gates every status that filters on it (§5).</summary>
    public int FlagAfterNBuilds(string flag) => statuses.FlagAfterNBuilds(flag);

    /// <summary>
    /// Shared <c>UserYaml.flag_has_carryfoward</c>: a non-empty legacy <c>flags.&lt;name&gt;</c> decides;
    /// else the individual flag's <c>carryforward</c> when set; else <c>flag_management.default_rules</c>.
    /// Paths and mode come from the flag's configuration. Null when the flag does not carry forward.
    /// </summary>
    public CarryforwardFlag? CarryforwardOf(string flag)
    {
        if (!HasCarryforward(flag)) return null;
        var configuration = yaml.FlagConfiguration(flag) ?? YamlMapping.Empty;
        var mode = configuration.String("carryforward_mode") == "labels" ? CarryforwardMode.Labels : CarryforwardMode.All;
        return new CarryforwardFlag(flag, configuration.Strings("paths"), mode);
    }

    private bool HasCarryforward(string flag)
    {
        if (yaml.GetMapping("flags")?[flag] is YamlMapping { Count: > 0 } legacy) return legacy.Bool("carryforward") ?? false;
        var management = yaml.GetMapping("flag_management") ?? YamlMapping.Empty;
        var individual = management.Mappings("individual_flags").FirstOrDefault(f => f.String("name") == flag);
        if (individual?.Bool("carryforward") is { } own) return own;
        return (management["default_rules"] as YamlMapping)?.Bool("carryforward") ?? false;
    }

    private static IReadOnlyList<string> NamesOfFlags(CodecovYaml yaml)
    {
        var legacy = yaml.GetMapping("flags")?.Entries.Select(e => e.Key) ?? [];
        var managed = (yaml.GetMapping("flag_management") ?? YamlMapping.Empty).Mappings("individual_flags")
            .Select(f => f.String("name")).OfType<string>();
        return legacy.Concat(managed).Distinct(StringComparer.Ordinal).ToList();
    }

    private static RoundingMode RoundingOf(string round) => round switch
    {
        "up" => RoundingMode.Up,
        "nearest" => RoundingMode.Nearest,
        _ => RoundingMode.Down,
    };
}
