using Codecov.Grains.Formats;
using Codecov.Grains.Paths;

namespace Codecov.Grains.Yaml;

/// <summary>Typed reads of a merged, validated document, with Codecov's fallbacks (codecov-semantics §2).</summary>
public sealed partial class CodecovYaml
{
    /// <summary>
    /// <c>parsers:</c> as the processors read it. Every unset flag is false, as in Codecov's code,
    /// including gcov <c>branch_detection</c> (whose defaults on <see cref="ParserSettings"/> differ).
    /// </summary>
    public ParserSettings ParserSettings => new()
    {
        CoberturaPartialsAsHits = GetBool("parsers.cobertura.partials_as_hits") ?? false,
        CoberturaHandleMissingConditions = GetBool("parsers.cobertura.handle_missing_conditions") ?? false,
        JacocoPartialsAsHits = GetBool("parsers.jacoco.partials_as_hits") ?? false,
        GoPartialsAsHits = GetBool("parsers.go.partials_as_hits") ?? false,
        JavascriptEnablePartials = GetBool("parsers.javascript.enable_partials") ?? false,
        GcovBranchDetectionConditional = GetBool("parsers.gcov.branch_detection.conditional") ?? false,
        GcovBranchDetectionLoop = GetBool("parsers.gcov.branch_detection.loop") ?? false,
        GcovBranchDetectionMethod = GetBool("parsers.gcov.branch_detection.method") ?? false,
        GcovBranchDetectionMacro = GetBool("parsers.gcov.branch_detection.macro") ?? false,
    };

    /// <summary>
    /// The path rules for an upload carrying <paramref name="flags"/>: top-level <c>fixes</c> and
    /// <c>ignore</c>, plus each flag's <c>ignore</c> and <c>paths</c> from <see cref="FlagConfiguration"/>.
    /// </summary>
    public PathFixingRules PathFixingRules(IEnumerable<string> flags)
    {
        var ignore = (GetList("ignore") ?? []).ToList();
        List<string>? flagPaths = null;
        foreach (var flag in flags.Distinct(StringComparer.Ordinal))
        {
            if (FlagConfiguration(flag) is not { } configuration) continue;
            ignore.AddRange(StringItems(configuration["ignore"]));
            if (configuration["paths"] is YamlSequence paths) (flagPaths ??= []).AddRange(StringItems(paths));
        }
        return new PathFixingRules(GetList("fixes") ?? [], ignore, flagPaths, GetBool("codecov.disable_default_path_fixes") ?? false);
    }

    /// <summary>
    /// <c>UserYaml.get_flag_configuration</c>: a legacy <c>flags.&lt;name&gt;</c> entry wins; else
    /// <c>flag_management.default_rules</c> overlaid (shallowly) by the matching individual flag.
    /// </summary>
    public YamlMapping? FlagConfiguration(string flag)
    {
        if (GetMapping("flags") is { } legacy && legacy.ContainsKey(flag)) return legacy[flag] as YamlMapping ?? YamlMapping.Empty;
        if (GetMapping("flag_management") is not { } management) return null;
        var result = management["default_rules"] as YamlMapping ?? YamlMapping.Empty;
        var individual = (management["individual_flags"] as YamlSequence)?.Items.OfType<YamlMapping>()
            .FirstOrDefault(f => f["name"] is YamlScalar { Value: string name } && name == flag);
        foreach (var entry in individual?.Entries ?? []) result = result.With(entry.Key, entry.Value, entry.KeyPosition);
        return result;
    }

    /// <summary><c>codecov.max_report_age</c>; null means reports of any age are accepted.</summary>
    public TimeSpan? MaxReportAge => MaxReportAgeText.Parse(TryGet("codecov.max_report_age"));

    public long? NotifyAfterNBuilds => GetInt("codecov.notify.after_n_builds");

    public bool WaitForCi => GetBool("codecov.notify.wait_for_ci") ?? true;

    /// <summary>After pre-processing, <c>codecov.notify.require_ci_to_pass</c> lives here too.</summary>
    public bool RequireCiToPass => GetBool("codecov.require_ci_to_pass") ?? true;

    public bool ManualTrigger => GetBool("codecov.notify.manual_trigger") ?? false;

    public bool NotifyError => GetBool("codecov.notify.notify_error") ?? false;

    /// <summary>⚠ Only a mapping enables the comment; <c>comment: true</c> does nothing (worker <c>comment/__init__.py</c>).</summary>
    public bool CommentEnabled => TryGet("comment") is YamlMapping;

    /// <summary><c>comment.require_changes</c> as OR-groups that must all hold; empty when unset.</summary>
    public IReadOnlyList<RequiredChanges> CommentRequiredChanges => TryGet("comment.require_changes") is YamlSequence groups
        ? groups.Items.OfType<YamlScalar>().Where(s => s.Kind == YamlScalarKind.Int).Select(s => (RequiredChanges)(long)s.Value!).ToList()
        : [];

    public int Precision => (int)(GetInt("coverage.precision") ?? 2);

    public string Round => GetString("coverage.round") ?? "down";

    /// <summary><c>coverage.range</c> as validated (<c>[low, high]</c>); 60..80 when unset.</summary>
    public (double Low, double High) Range => TryGet("coverage.range") is YamlSequence { Items: [YamlScalar { IsNumber: true } low, YamlScalar { IsNumber: true } high] }
        ? (low.AsDouble(), high.AsDouble())
        : (60, 80);

    private static IEnumerable<string> StringItems(YamlNode? node) =>
        node is YamlSequence list ? list.Items.OfType<YamlScalar>().Where(s => s.Kind == YamlScalarKind.String).Select(s => (string)s.Value!) : [];
}
