using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>
/// Builds <see cref="StatusDefinition"/>s the way the worker's <c>NotificationService.get_statuses</c>
/// enumerates them (codecov-semantics §2 <c>coverage.status</c>, §4 "Names"): <c>coverage.status</c>
/// entries, then each known flag's statuses, then each component's statuses.
/// </summary>
internal sealed class StatusConfigReader(CodecovYaml yaml)
{
    private static readonly string[] StatusKeys = ["project", "patch", "changes"];

    /// <summary>
    /// <c>coverage.status.{project,patch,changes}</c> through shared <c>default_if_true</c>: <c>true</c>
    /// gives one <c>default</c> status; named entries that are <c>false</c>, not a mapping, or
    /// <c>enabled: false</c> are skipped. Other keys (<c>default_rules</c>) are not statuses.
    /// ⚠ <c>coverage.status: true</c> (a bool, not a mapping) yields nothing: the worker calls
    /// <c>.items()</c> on it, which fails, so Codecov sends no status.
    /// </summary>
    public IEnumerable<StatusDefinition> CoverageStatuses()
    {
        if (yaml.GetMapping("coverage.status") is not { } status) yield break;
        foreach (var entry in status.Entries)
        {
            if (Array.IndexOf(StatusKeys, entry.Key) < 0) continue;
            var type = TypeOf(entry.Key)!.Value;
            foreach (var (title, settings) in DefaultIfTrue(entry.Value))
                yield return Read(type, title, settings);
        }
    }

    /// <summary>
    /// A flag's <c>statuses</c> from <see cref="CodecovYaml.FlagConfiguration"/> (legacy <c>flags.&lt;name&gt;</c>
    /// wins, else <c>flag_management.default_rules</c> overlaid by the individual flag), titled
    /// <c>name_prefix + flag</c> and filtered by that flag. The worker does not read <c>enabled</c> here.
    /// </summary>
    public IEnumerable<StatusDefinition> FlagStatuses(IEnumerable<string> knownFlags)
    {
        foreach (var flag in knownFlags)
        {
            if (yaml.FlagConfiguration(flag) is not { Count: > 0 } configuration || configuration.Bool("enabled") == false) continue;
            foreach (var status in configuration.Mappings("statuses"))
            {
                if (TypeOf(status.String("type")) is not { } type) continue;
                var settings = new YamlMapping([new YamlEntry("flags", default, YamlFields.StringList([flag]))]).Overlay(status);
                yield return Read(type, (status.String("name_prefix") ?? "") + flag, settings);
            }
        }
    }

    /// <summary>Component statuses (worker <c>_get_component_statuses</c>): flags and paths of the component, then the status's own keys.</summary>
    public IEnumerable<StatusDefinition> ComponentStatuses(IEnumerable<ComponentConfig> components, IReadOnlyList<string> knownFlags)
    {
        foreach (var component in components)
        {
            var flags = component.MatchingFlags(knownFlags);
            foreach (var status in component.Statuses)
            {
                if (status.Bool("enabled") == false || TypeOf(status.String("type")) is not { } type) continue;
                var settings = new YamlMapping(
                [
                    new YamlEntry("flags", default, YamlFields.StringList(flags)),
                    new YamlEntry("paths", default, YamlFields.StringList(component.Paths)),
                ]).Overlay(status);
                yield return Read(type, (status.String("name_prefix") ?? "") + component.DisplayName, settings);
            }
        }
    }

    public StatusDefinition Read(StatusType type, string title, YamlMapping settings)
    {
        var flags = settings.Strings("flags");
        return new StatusDefinition(
            type,
            title,
            Target: settings.Percent("target"),
            Threshold: settings.Percent("threshold") ?? 0m,
            Flags: flags is { Count: > 0 } ? flags : null,
            Paths: FilterPaths(flags ?? [], settings.Strings("paths") ?? []),
            Branches: settings.Strings("branches"),
            Informational: settings.Bool("informational") ?? false,
            OnlyPulls: settings.Bool("only_pulls") ?? false,
            IfCiFailed: Outcome(settings.String("if_ci_failed")) ?? StatusOutcome.Error,
            IfNotFound: Outcome(settings.String("if_not_found")) ?? StatusOutcome.Success,
            RemovedCodeBehavior: RemovedCode(settings),
            FlagCoverageNotUploadedBehavior: NotUploadedBehavior(settings),
            BaseIsPr: settings.String("base") == "pr",
            AfterNBuilds: AfterNBuilds(flags ?? []));
    }

    /// <summary>
    /// Worker <c>get_notifier_filters</c>: the status's flags contribute their <c>paths</c>
    /// (<c>get_paths_from_flags</c>: a configured flag without <c>paths</c> covers everything, so then no
    /// flag contributes any), plus the status's own <c>paths</c>. Null when nothing filters.
    /// </summary>
    private IReadOnlyList<string>? FilterPaths(IReadOnlyList<string> flags, IReadOnlyList<string> ownPaths)
    {
        var fromFlags = new List<string>();
        foreach (var flag in flags)
        {
            if (yaml.FlagConfiguration(flag) is not { } configuration) continue;
            if (configuration.Strings("paths") is not { } paths)
            {
                fromFlags.Clear();
                break;
            }
            fromFlags.AddRange(paths);
        }
        var all = fromFlags.Concat(ownPaths).Distinct(StringComparer.Ordinal).ToList();
        return all.Count > 0 ? all : null;
    }

    /// <summary>
    /// Worker <c>required_builds</c> reads each flag's own <c>after_n_builds</c>. <see cref="StatusDefinition"/>
    /// holds one number, so it is set when every flag of the status asks for the same count; flags
    /// with different counts leave it unset (see <see cref="NotificationConfig.FlagAfterNBuilds"/>).
    /// </summary>
    private int? AfterNBuilds(IReadOnlyList<string> flags)
    {
        var counts = flags.Select(FlagAfterNBuilds).Distinct().ToList();
        return counts is [var n] && n > 0 ? n : null;
    }

    /// <summary>A flag's <c>after_n_builds</c>; 0 when unset or the flag has no configuration.</summary>
    public int FlagAfterNBuilds(string flag) =>
        yaml.FlagConfiguration(flag) is { Count: > 0 } configuration ? (int)(configuration.Int("after_n_builds") ?? 0) : 0;

    /// <summary>The status's own value, else <c>coverage.status.default_rules</c> (worker <c>determine_status_check_behavior_to_apply</c>).</summary>
    private FlagCoverageNotUploadedBehavior NotUploadedBehavior(YamlMapping settings)
    {
        const string Key = "flag_coverage_not_uploaded_behavior";
        var value = settings.String(Key) ?? yaml.GetString("coverage.status.default_rules." + Key);
        return value switch
        {
            "exclude" => FlagCoverageNotUploadedBehavior.Exclude,
            "pass" => FlagCoverageNotUploadedBehavior.Pass,
            _ => FlagCoverageNotUploadedBehavior.Include,
        };
    }

    private static RemovedCodeBehavior? RemovedCode(YamlMapping settings) => settings["removed_code_behavior"] switch
    {
        YamlScalar { Kind: YamlScalarKind.Bool, Value: false } => RemovedCodeBehavior.Off,
        YamlScalar { Value: "off" } => RemovedCodeBehavior.Off,
        YamlScalar { Value: "adjust_base" } => RemovedCodeBehavior.AdjustBase,
        YamlScalar { Value: "removals_only" } => RemovedCodeBehavior.RemovalsOnly,
        YamlScalar { Value: "fully_covered_patch" } => RemovedCodeBehavior.FullyCoveredPatch,
        _ => null,
    };

    private static StatusOutcome? Outcome(string? value) => value switch
    {
        "success" => StatusOutcome.Success,
        "failure" => StatusOutcome.Failure,
        "error" => StatusOutcome.Error,
        "ignore" => StatusOutcome.Ignore,
        _ => null,
    };

    private static StatusType? TypeOf(string? key) => key switch
    {
        "project" => StatusType.Project,
        "patch" => StatusType.Patch,
        "changes" => StatusType.Changes,
        _ => null,
    };

    /// <summary>Shared <c>helpers/yaml.py</c> <c>default_if_true</c>.</summary>
    private static IEnumerable<(string Title, YamlMapping Settings)> DefaultIfTrue(YamlNode value)
    {
        if (value is YamlScalar { Kind: YamlScalarKind.Bool, Value: true })
        {
            yield return (StatusDefinition.DefaultTitle, YamlMapping.Empty);
            yield break;
        }
        if (value is not YamlMapping named) yield break;
        foreach (var entry in named.Entries)
        {
            switch (entry.Value)
            {
                case YamlScalar { Kind: YamlScalarKind.Bool, Value: true }:
                    yield return (entry.Key, YamlMapping.Empty);
                    break;
                case YamlMapping settings when settings.Bool("enabled") != false:
                    yield return (entry.Key, settings);
                    break;
            }
        }
    }
}
