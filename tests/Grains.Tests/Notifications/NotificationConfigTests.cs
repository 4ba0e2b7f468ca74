using Codecov.Grains.Notifications;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Notifications.Statuses;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Notifications;

// Expected values are the reference's rules (codecov-semantics §2 table, §4 "Names", §5 "Carryforward").
public sealed class NotificationConfigTests
{
    private static NotificationConfig Config(string? text)
    {
        CodecovYaml? commit = null;
        if (text is not null)
        {
            var validation = CodecovYamlValidator.Validate(CodecovYaml.Parse(text)!);
            Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
            commit = validation.Document;
        }
        return NotificationConfig.From(CodecovYamlMerger.Final(CodecovYamlDefaults.Legacy, null, null, commit));
    }

    private static StatusDefinition Status(NotificationConfig config, string context) =>
        Assert.Single(config.Statuses, s => s.Context == context);

    [Fact]
    public void Legacy_defaults_give_project_and_patch_default_statuses_and_the_classic_comment()
    {
        var config = Config(null);

        Assert.Equal(["codecov/project", "codecov/patch"], config.Statuses.Select(s => s.Context));
        var project = config.Statuses[0];
        Assert.Equal(new StatusDefinition(StatusType.Project), project);
        Assert.Equal(StatusType.Patch, config.Statuses[1].Type);
        Assert.Equal(["reach", "diff", "flags", "tree", "reach"], config.Comment!.Layout);
        Assert.Equal(CommentBehavior.Default, config.Comment.Behavior);
        Assert.False(config.Comment.ShowCarryforwardFlags);
        Assert.Equal(new CoverageRounding(2, RoundingMode.Down), config.Rounding);
        Assert.Equal(new NotifySettings(null, WaitForCi: true, RequireCiToPass: true, ManualTrigger: false, NotifyError: false), config.Notify);
        Assert.Empty(config.Carryforward);
    }

    [Theory]
    [InlineData("coverage:\n  status: false\n")]
    [InlineData("coverage:\n  status: true\n")]
    [InlineData("coverage:\n  status:\n    project: false\n    patch: false\n")]
    public void Statuses_turned_off_send_nothing(string yaml) => Assert.Empty(Config(yaml).Statuses);

    [Fact]
    public void Named_statuses_read_auto_number_and_percent_targets_and_thresholds()
    {
        var config = Config("""
            coverage:
              status:
                project:
                  default:
                    target: auto
                    threshold: 1%
                  api:
                    target: "80%"
                    threshold: 0.5
                  web:
                    target: 80
                patch: false
            """);

        Assert.Equal(["codecov/project", "codecov/project/api", "codecov/project/web"], config.Statuses.Select(s => s.Context));
        Assert.Null(Status(config, "codecov/project").Target);
        Assert.Equal(1m, Status(config, "codecov/project").Threshold);
        Assert.Equal(80m, Status(config, "codecov/project/api").Target);
        Assert.Equal(0.5m, Status(config, "codecov/project/api").Threshold);
        Assert.Equal(80m, Status(config, "codecov/project/web").Target);
        Assert.Equal(0m, Status(config, "codecov/project/web").Threshold);
    }

    [Fact]
    public void Entries_that_are_false_or_enabled_false_are_skipped_and_true_means_default_settings()
    {
        var config = Config("""
            coverage:
              status:
                project:
                  default: false
                  off_one:
                    enabled: false
                    target: 90
                  kept: true
                patch: true
                changes: true
            """);

        Assert.Equal(["codecov/project/kept", "codecov/patch", "codecov/changes"], config.Statuses.Select(s => s.Context));
        Assert.Equal(new StatusDefinition(StatusType.Project, "kept"), config.Statuses[0]);
    }

    [Fact]
    public void A_status_filters_by_its_flags_and_the_flags_contribute_their_paths()
    {
        var config = Config("""
            flags:
              api:
                paths: [src/api/]
              everything:
                carryforward: false
            coverage:
              status:
                project:
                  api:
                    flags: [api]
                    paths: [extra/]
                  mixed:
                    flags: [api, everything]
                    paths: [extra/]
                  plain:
                    paths: [docs/]
            """);

        var api = Status(config, "codecov/project/api");
        Assert.Equal(["api"], api.Flags!);
        Assert.Equal(["src/api/", "extra/"], api.Paths!);
        // A configured flag without paths covers every path, so no flag path narrows the status (worker get_paths_from_flags).
        Assert.Equal(["extra/"], Status(config, "codecov/project/mixed").Paths!);
        Assert.Null(Status(config, "codecov/project/plain").Flags);
        Assert.Equal(["docs/"], Status(config, "codecov/project/plain").Paths!);
    }

    [Fact]
    public void Gate_settings_map_to_the_status_definition()
    {
        var config = Config("""
            coverage:
              status:
                project:
                  default:
                    informational: true
                    only_pulls: true
                    if_ci_failed: failure
                    if_not_found: ignore
                    branches: [main, "release/*"]
                    base: pr
                    removed_code_behavior: removals_only
                  quiet:
                    removed_code_behavior: false
                patch:
                  default:
                    base: auto
            """);

        var project = Status(config, "codecov/project");
        Assert.True(project.Informational);
        Assert.True(project.OnlyPulls);
        Assert.Equal(StatusOutcome.Failure, project.IfCiFailed);
        Assert.Equal(StatusOutcome.Ignore, project.IfNotFound);
        Assert.True(project.BaseIsPr);
        Assert.Equal(RemovedCodeBehavior.RemovalsOnly, project.RemovedCodeBehavior);
        Assert.True(BranchPatterns.Matches(project.Branches, "release/1.2"));
        Assert.False(BranchPatterns.Matches(project.Branches, "feature"));
        Assert.Equal(RemovedCodeBehavior.Off, Status(config, "codecov/project/quiet").RemovedCodeBehavior);

        var patch = Status(config, "codecov/patch");
        Assert.False(patch.BaseIsPr);
        Assert.Equal(StatusOutcome.Error, patch.IfCiFailed);
        Assert.Equal(StatusOutcome.Success, patch.IfNotFound);
        Assert.Null(patch.RemovedCodeBehavior);
    }

    [Fact]
    public void Flag_coverage_not_uploaded_behavior_comes_from_the_status_or_default_rules()
    {
        var config = Config("""
            coverage:
              status:
                default_rules:
                  flag_coverage_not_uploaded_behavior: exclude
                project:
                  default:
                    flags: [api]
                  own:
                    flags: [api]
                    flag_coverage_not_uploaded_behavior: pass
            """);

        Assert.Equal(FlagCoverageNotUploadedBehavior.Exclude, Status(config, "codecov/project").FlagCoverageNotUploadedBehavior);
        Assert.Equal(FlagCoverageNotUploadedBehavior.Pass, Status(config, "codecov/project/own").FlagCoverageNotUploadedBehavior);
        Assert.Equal(FlagCoverageNotUploadedBehavior.Include, Config(null).Statuses[0].FlagCoverageNotUploadedBehavior);
    }

    private const string FlagManagement = """
        coverage:
          status:
            project: false
            patch: false
        flags:
          cli:
            paths: [cli/]
        flag_management:
          default_rules:
            statuses:
              - type: project
                name_prefix: proj-
          individual_flags:
            - name: api
              paths: [src/api/]
              after_n_builds: 3
              statuses:
                - type: patch
                  name_prefix: p-
                  target: 90%
            - name: web
            - name: cli
              statuses:
                - type: project
                  name_prefix: ignored-
        """;

    [Fact]
    public void Flag_management_statuses_are_named_prefix_plus_flag_with_default_rules_overlaid()
    {
        var config = Config(FlagManagement);

        // cli is a legacy flag: flags.cli wins over flag_management, and it has no statuses.
        Assert.Equal(["codecov/patch/p-api", "codecov/project/proj-web"], config.Statuses.Select(s => s.Context));
        var api = Status(config, "codecov/patch/p-api");
        Assert.Equal(["api"], api.Flags!);
        Assert.Equal(["src/api/"], api.Paths!);
        Assert.Equal(90m, api.Target);
        Assert.Equal(3, api.AfterNBuilds);
        Assert.Null(Status(config, "codecov/project/proj-web").AfterNBuilds);
        Assert.Equal(3, config.FlagAfterNBuilds("api"));
    }

    [Fact]
    public void Known_flags_without_their_own_entry_get_the_default_rules_statuses()
    {
        var contexts = Config(FlagManagement).StatusesFor(["unit", "api"]).Select(s => s.Context);
        Assert.Equal(["codecov/project/proj-unit", "codecov/patch/p-api"], contexts);
    }

    private const string ComponentManagement = """
        coverage:
          status:
            project: false
            patch: false
        component_management:
          default_rules:
            statuses:
              - type: project
                name_prefix: comp-
              - type: patch
                enabled: false
          individual_components:
            - component_id: backend_id
              name: Backend
              paths: [api/]
              flag_regexes: ["api.*", "unit"]
            - component_id: ui
              paths: [web/]
        """;

    [Fact]
    public void Components_resolve_flag_regexes_against_known_flags_from_the_start_of_the_name()
    {
        var components = Config(ComponentManagement).Components(["api-unit", "api-int", "web", "unit-web"]);

        Assert.Equal(2, components.Count);
        Assert.Equal("Backend", components[0].Name);
        Assert.Equal(["api-unit", "api-int", "unit-web"], components[0].Flags);
        Assert.Equal(["api/"], components[0].Paths);
        Assert.Equal("ui", components[1].Name);
        Assert.Empty(components[1].Flags);
        Assert.Equal(["web/"], components[1].Paths);
    }

    [Fact]
    public void Component_statuses_are_named_prefix_plus_component_name_and_skip_disabled_ones()
    {
        var statuses = Config(ComponentManagement).StatusesFor(["api-unit"]);

        Assert.Equal(["codecov/project/comp-Backend", "codecov/project/comp-ui"], statuses.Select(s => s.Context));
        Assert.Equal(["api-unit"], statuses[0].Flags!);
        Assert.Equal(["api/"], statuses[0].Paths!);
        Assert.Null(statuses[1].Flags);
        Assert.Equal(["web/"], statuses[1].Paths!);
    }

    [Theory]
    [InlineData("comment: false\n")]
    [InlineData("comment: true\n")]
    public void Only_a_comment_mapping_enables_the_comment(string yaml) => Assert.Null(Config(yaml).Comment);

    [Fact]
    public void A_comment_mapping_reads_every_setting_and_keeps_unset_ones_from_the_defaults()
    {
        var comment = Config("""
            comment:
              layout: "header, diff, files:5, footer"
              behavior: new
              require_changes: true
              after_n_builds: 2
              hide_project_coverage: true
              hide_comment_details: true
              show_carryforward_flags: true
              require_base: true
              require_head: false
            """).Comment!;

        Assert.Equal(["header", "diff", "files:5", "footer"], comment.Layout);
        Assert.Equal(new CommentSettings(comment.Layout, CommentBehavior.New, "any_change", RequireBase: true, RequireHead: false,
            AfterNBuilds: 2, HideProjectCoverage: true, HideCommentDetails: true, ShowCarryforwardFlags: true), comment);

        var partial = Config("comment:\n  behavior: once\n").Comment!;
        Assert.Equal(["reach", "diff", "flags", "tree", "reach"], partial.Layout);
        Assert.Equal(new CommentSettings(partial.Layout, CommentBehavior.Once), partial);
    }

    [Theory]
    [InlineData("false", "false")]
    [InlineData("true", "any_change")]
    [InlineData("\"coverage_drop or uncovered_patch\"", "coverage_drop or uncovered_patch")]
    [InlineData("\"uncovered_patch and coverage_drop\"", "uncovered_patch and coverage_drop")]
    // Codecov groups by "and": (drop or patch) and any — not drop or (patch and any).
    [InlineData("\"coverage_drop or uncovered_patch and any_change\"", "coverage_drop or uncovered_patch and any_change")]
    public void Require_changes_keeps_codecovs_grouping(string value, string expression) =>
        Assert.Equal(expression, Config($"comment:\n  require_changes: {value}\n").Comment!.RequireChanges);

    [Fact]
    public void Carryforward_flags_come_from_legacy_flags_and_flag_management()
    {
        var config = Config("""
            flags:
              unit:
                carryforward: true
                paths: [src/]
              e2e:
                carryforward: false
            flag_management:
              default_rules:
                carryforward: true
                carryforward_mode: labels
              individual_flags:
                - name: smoke
                  carryforward: false
                - name: integration
                  paths: [it/]
            """);

        Assert.Equal(
            [new CarryforwardFlag("unit", ["src/"], CarryforwardMode.All), new CarryforwardFlag("integration", ["it/"], CarryforwardMode.Labels)],
            config.Carryforward, CarryforwardComparer.Instance);
        Assert.Null(config.CarryforwardOf("smoke"));
        Assert.Null(config.CarryforwardOf("e2e"));
        Assert.Equal(new CarryforwardFlag("other", null, CarryforwardMode.Labels), config.CarryforwardOf("other"));
        Assert.Null(Config(null).CarryforwardOf("other"));
    }

    [Theory]
    [InlineData("coverage:\n  precision: 1\n  round: up\n", 1, RoundingMode.Up)]
    [InlineData("coverage:\n  round: nearest\n", 2, RoundingMode.Nearest)]
    [InlineData("coverage:\n  precision: 0\n", 0, RoundingMode.Down)]
    public void Rounding_reads_precision_and_round(string yaml, int precision, RoundingMode round) =>
        Assert.Equal(new CoverageRounding(precision, round), Config(yaml).Rounding);

    [Fact]
    public void Notify_settings_and_delegated_settings_are_read()
    {
        var config = Config("""
            codecov:
              max_report_age: false
              notify:
                after_n_builds: 3
                wait_for_ci: false
                require_ci_to_pass: false
                manual_trigger: true
                notify_error: true
            parsers:
              go:
                partials_as_hits: true
            ignore: [vendor/]
            """);

        Assert.Equal(new NotifySettings(3, WaitForCi: false, RequireCiToPass: false, ManualTrigger: true, NotifyError: true), config.Notify);
        Assert.True(config.Parsers.GoPartialsAsHits);
        Assert.Equal(["vendor/"], config.PathRules([]).Ignore);
        Assert.Null(config.MaxReportAge);
        Assert.Equal(TimeSpan.FromHours(12), Config(null).MaxReportAge);
    }

    private sealed class CarryforwardComparer : IEqualityComparer<CarryforwardFlag>
    {
        public static readonly CarryforwardComparer Instance = new();

        public bool Equals(CarryforwardFlag? x, CarryforwardFlag? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Mode == y.Mode && (x.Paths ?? []).SequenceEqual(y.Paths ?? []);

        public int GetHashCode(CarryforwardFlag flag) => flag.Name.GetHashCode(StringComparison.Ordinal);
    }
}
