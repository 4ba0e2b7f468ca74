using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>
/// Codecov's user schema (shared <c>validation/user_schema.py</c> plus <c>cli_schema.py</c>;
/// codecov-semantics §2), key by key, with the coercions of <c>validation/helpers.py</c>.
/// </summary>
internal static class CodecovUserSchema
{
    private static readonly Regex NamePattern = new(@"^[\w\-\.]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FlagPattern = new(@"^[^'""]+$", RegexOptions.CultureInvariant);
    private static readonly Regex FlagListPattern = new(@"^[^'""]{1,1024}$", RegexOptions.CultureInvariant);
    private static readonly Regex UrlPattern = new(
        @"https?:\/\/(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_\+.~#?&//=]*)",
        RegexOptions.CultureInvariant);

    private static readonly string[] CiStates = ["success", "failure", "error", "ignore"];
    private static readonly string[] FlagBehaviors = ["include", "exclude", "pass"];

    public static YamlRule Root { get; } = BuildRoot();

    private static ScalarRule Bool => new(YamlScalarKind.Bool, "true or false");
    private static ScalarRule Str => new(YamlScalarKind.String, "a string");
    private static ScalarRule Int(long? min = null, long? max = null) => new(YamlScalarKind.Int, "an integer") { Min = min, Max = max };
    private static ScalarRule OneOf(params string[] allowed) => new(YamlScalarKind.String, "a string") { Allowed = allowed };
    private static MapRule Map(params (string Key, YamlRule Rule)[] fields) => new(fields.ToDictionary(f => f.Key, f => f.Rule));
    private static ListRule List(YamlRule item) => new(item);
    private static AnyRule AnyMap => new("a mapping", n => n is YamlMapping);

    private static ScalarRule FlagName => new(YamlScalarKind.String, "a string") { Pattern = FlagPattern, MaxLength = 1024 };
    private static ListRule Branches => new(new BranchPatternRule { IsNullable = true }) { IsNullable = true };
    private static ListRule PathList => new(Str) { IsNullable = true };
    private static ListRule FlagList => new(new ScalarRule(YamlScalarKind.String, "a string") { Pattern = FlagListPattern }) { IsNullable = true };
    private static LayoutRule Layout => new() { IsNullable = true };
    private static PercentRule PercentOrAuto => new(allowAuto: true) { IsNullable = true };
    private static PercentRule Percent => new(allowAuto: false) { IsNullable = true };

    private static YamlRule BuildRoot() => Map(
        ("codecov", Codecov()),
        ("coverage", Coverage()),
        ("bundle_analysis", Map(("warning_threshold", new BundleThresholdRule()), ("status", BundleStatus()))),
        ("parsers", Parsers()),
        ("ignore", PathList),
        ("fixes", List(new PathFixRule())),
        ("flags", new NamedMapRule(FlagPattern, LegacyFlag())),
        ("flag_management", Map(("default_rules", Map(FlagRules())), ("individual_flags", List(Map([.. FlagRules(), ("name", FlagName)]))))),
        ("component_management", Map(
            ("default_rules", Map(ComponentRules())),
            ("individual_components", List(Component())))),
        ("comment", new EitherRule(Comment(), Bool)),
        ("slack_app", new EitherRule(Map(("enabled", Bool)), Bool)),
        ("github_checks", new EitherRule(Map(("annotations", Bool)), Bool)),
        ("profiling", Map(("fixes", List(new PathFixRule())), ("grouping_attributes", List(Str)), ("critical_files_paths", List(Str)))),
        ("beta_groups", List(Str)),
        ("ai_pr_review", Map(("auto_review", Bool), ("enabled", Bool), ("method", Str), ("label_name", Str))),
        ("test_analytics", Map(("shorten_paths", Bool), ("flake_detection", Bool))),
        ("cli", Map(("plugins", AnyMap), ("runners", AnyMap))));

    private static MapRule Codecov() => Map(
        ("url", new ScalarRule(YamlScalarKind.String, "a string") { Pattern = UrlPattern }),
        ("token", Str),
        ("slug", Str),
        ("bot", new ScalarRule(YamlScalarKind.String, "a string") { IsNullable = true }),
        ("branch", new BranchNameRule()),
        ("ci", List(Str)),
        ("assume_all_flags", Bool),
        ("strict_yaml_branch", Str),
        ("max_report_age", new EitherRule(Str, Int(), Bool)),
        ("disable_default_path_fixes", Bool),
        ("require_ci_to_pass", Bool),
        ("allow_coverage_offsets", Bool),
        ("allow_pseudo_compare", Bool),
        ("archive", Map(("uploads", Bool))),
        ("notify", Map(
            ("after_n_builds", Int(min: 0)),
            ("countdown", Int()),
            ("delay", Int()),
            ("wait_for_ci", Bool),
            ("require_ci_to_pass", Bool),
            ("manual_trigger", Bool),
            ("notify_error", Bool))),
        ("ui", Map(
            ("hide_density", new EitherRule(Bool, List(Str))),
            ("hide_complexity", new EitherRule(Bool, List(Str))),
            ("hide_contexual", Bool),
            ("hide_sunburst", Bool),
            ("hide_search", Bool))));

    private static MapRule Coverage() => Map(
        ("precision", Int(0, 99)),
        ("round", OneOf("down", "up", "nearest")),
        ("range", new RangeRule()),
        ("notify", CoverageNotify()),
        ("status", new EitherRule(Status(), Bool)));

    private static (string, YamlRule)[] StatusCommon() =>
    [
        ("base", OneOf("parent", "pr", "auto")),
        ("branches", Branches),
        ("disable_approx", Bool),
        ("enabled", Bool),
        ("if_ci_failed", OneOf(CiStates)),
        ("if_no_uploads", OneOf(CiStates)),
        ("if_not_found", OneOf(CiStates)),
        ("informational", Bool),
        ("measurement", new ScalarRule(YamlScalarKind.String, "a string") { Allowed = ["line", "statement", "branch", "method", "complexity"], IsNullable = true }),
        ("only_pulls", Bool),
        ("skip_if_assumes", Bool),
        ("removed_code_behavior", new EitherRule(
            OneOf("removals_only", "adjust_base", "fully_covered_patch", "off"),
            new ScalarRule(YamlScalarKind.Bool, "false") { Allowed = ["false"] })),
    ];

    private static (string, YamlRule)[] FlagStatusBase() =>
    [
        .. StatusCommon(),
        ("paths", PathList),
        ("carryforward_behavior", OneOf(FlagBehaviors)),
        ("flag_coverage_not_uploaded_behavior", OneOf(FlagBehaviors)),
    ];

    private static (string, YamlRule)[] StatusStandard() => [("flags", FlagList), .. FlagStatusBase()];

    private static (string, YamlRule)[] CustomStatus() =>
    [
        ("name_prefix", new ScalarRule(YamlScalarKind.String, "a string") { Pattern = NamePattern }),
        ("type", OneOf("project", "patch", "changes")),
        ("target", PercentOrAuto),
        ("threshold", Percent),
    ];

    private static MapRule Status()
    {
        YamlRule Named(params (string, YamlRule)[] fields) => new EitherRule(
            new NamedMapRule(NamePattern, new EitherRule(Map(fields), Bool) { IsNullable = true }), Bool);
        (string, YamlRule)[] targeted = [("target", PercentOrAuto), ("include_changes", PercentOrAuto), ("threshold", Percent), .. StatusStandard()];
        return Map(
            ("default_rules", Map(("flag_coverage_not_uploaded_behavior", OneOf(FlagBehaviors)), ("carryforward_behavior", OneOf(FlagBehaviors)))),
            ("project", Named(targeted)),
            ("patch", Named(targeted)),
            ("changes", Named(StatusStandard())),
            ("no_upload_behavior", OneOf("pass", "fail")));
    }

    private static (string, YamlRule)[] FlagRules() =>
    [
        ("statuses", List(Map([.. FlagStatusBase(), .. CustomStatus()]))),
        ("carryforward_mode", OneOf("all", "labels")),
        ("carryforward", Bool),
        ("paths", PathList),
        ("ignore", PathList),
        ("after_n_builds", Int(min: 0)),
    ];

    private static (string, YamlRule)[] ComponentRules() =>
    [
        ("statuses", List(Map([.. StatusCommon(), .. CustomStatus()]))),
        ("flag_regexes", List(Str)),
        ("paths", PathList),
    ];

    private static MapRule Component()
    {
        (string Key, YamlRule Rule)[] fields = [.. ComponentRules(), ("name", Str), ("component_id", Str)];
        return new MapRule(fields.ToDictionary(f => f.Key, f => f.Rule)) { Required = new HashSet<string> { "component_id" } };
    }

    private static MapRule LegacyFlag() => Map(
        ("joined", Bool),
        ("carryforward", Bool),
        ("carryforward_mode", OneOf("all", "labels")),
        ("required", Bool),
        ("ignore", PathList),
        ("paths", PathList),
        ("assume", new EitherRule(Bool, Str, Map(("branches", Branches)))),
        ("after_n_builds", Int(min: 0)));

    private static MapRule Comment() => Map(
        ("layout", Layout),
        ("require_changes", new RequireChangesRule()),
        ("require_base", Bool),
        ("require_head", Bool),
        ("show_critical_paths", Bool),
        ("branches", Branches),
        ("paths", PathList),
        ("flags", FlagList),
        ("behavior", OneOf("default", "once", "new", "spammy")),
        ("after_n_builds", Int(min: 0)),
        ("show_carryforward_flags", Bool),
        ("hide_comment_details", Bool),
        ("hide_project_coverage", Bool),
        ("status_emoji_on_coverage_change", Bool),
        ("require_bundle_changes", new EitherRule(OneOf("bundle_increase"), Bool)),
        ("bundle_change_threshold", new BundleThresholdRule()));

    private static YamlRule BundleStatus() =>
        new EitherRule(Bool, OneOf("informational"));

    private static MapRule Parsers() => Map(
        ("go", Map(("partials_as_hits", Bool))),
        ("javascript", Map(("enable_partials", Bool))),
        ("v1", Map(("include_full_missed_files", Bool))),
        ("gcov", Map(("branch_detection", Map(("conditional", Bool), ("loop", Bool), ("method", Bool), ("macro", Bool))))),
        ("jacoco", Map(("partials_as_hits", Bool))),
        ("cobertura", Map(("handle_missing_conditions", Bool), ("partials_as_hits", Bool))));

    private static MapRule CoverageNotify()
    {
        (string, YamlRule)[] standard =
        [
            ("url", new ScalarRule(YamlScalarKind.String, "a string") { IsNullable = true }),
            ("branches", Branches),
            ("threshold", Percent),
            ("message", Str),
            ("flags", FlagList),
            ("base", OneOf("parent", "pr", "auto")),
            ("only_pulls", Bool),
            ("paths", PathList),
        ];
        NamedMapRule Named(params (string, YamlRule)[] extra) => new(NamePattern, Map([.. standard, .. extra]));
        return Map(
            ("irc", Named(("channel", Str), ("server", Str), ("password", new ScalarRule(YamlScalarKind.String, "a string") { IsNullable = true }),
                ("nickserv_password", Str), ("notice", Bool))),
            ("slack", Named(("attachments", Layout))),
            ("gitter", Named()),
            ("hipchat", Named(("card", Bool), ("notify", Bool))),
            ("webhook", Named()),
            ("email", Named(("to", List(Str)), ("layout", Layout))));
    }
}
