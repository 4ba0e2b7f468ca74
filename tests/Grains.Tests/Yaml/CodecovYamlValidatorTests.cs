using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

public sealed class CodecovYamlValidatorTests
{
    private static CodecovYamlValidation Validate(string text) => CodecovYamlValidator.Validate(CodecovYaml.Parse(text)!);

    private static CodecovYaml Valid(string text)
    {
        var result = Validate(text);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Document!;
    }

    private static string SingleError(string text) => Assert.Single(Validate(text).Errors).ToString();

    [Fact]
    public void A_bad_target_names_the_key_path_and_the_line()
    {
        const string yaml = "coverage:\n  status:\n    project:\n      default:\n        threshold: 1%\n\n        target: eighty\n";
        Assert.Equal("coverage.status.project.default.target: must be \"auto\", a number or a percentage (line 7)", SingleError(yaml));
    }

    [Theory]
    [InlineData("80%", 80.0)]
    [InlineData("80", 80.0)]
    [InlineData("72.5%", 72.5)]
    [InlineData("90", 90.0)]
    public void Percent_targets_become_numbers(string target, double expected) =>
        Assert.Equal(expected, Valid($"coverage:\n  status:\n    patch:\n      default:\n        target: {target}\n").GetNumber("coverage.status.patch.default.target"));

    [Fact]
    public void Auto_target_stays_auto_but_a_threshold_refuses_it()
    {
        Assert.Equal("auto", Valid("coverage:\n  status:\n    project:\n      default:\n        target: auto\n").GetString("coverage.status.project.default.target"));
        Assert.Equal("coverage.status.project.default.threshold: must be a number or a percentage, not auto (line 5)",
            SingleError("coverage:\n  status:\n    project:\n      default:\n        threshold: auto\n"));
    }

    [Theory]
    [InlineData("60..80", 60, 80)]
    [InlineData("60...80", 60, 80)]
    [InlineData("[80, 60]", 60, 80)]
    [InlineData("[\"70\", 90.5]", 70, 90.5)]
    public void Ranges_in_every_spelling_become_two_sorted_numbers(string range, double low, double high) =>
        Assert.Equal((low, high), Valid($"coverage:\n  range: {range}\n").Range);

    [Theory]
    [InlineData("60....80", "coverage.range: 60....80 should have two or three dots, not four (line 2)")]
    [InlineData("60-80", "coverage.range: 60-80 does not have the correct format (line 2)")]
    [InlineData("60..80..90", "coverage.range: 60..80..90 should have only two numbers (line 2)")]
    [InlineData("a..b", "coverage.range: a..b should have numbers as the range limits (line 2)")]
    [InlineData("-5..80", "coverage.range: Lower bound -5.0 should be between 0 and 100 (line 2)")]
    [InlineData("50..120", "coverage.range: Upper bound 120.0 should be between 0 and 100 (line 2)")]
    [InlineData("80..60", "coverage.range: Upper bound 60.0 should be bigger than 80.0 (line 2)")]
    [InlineData("[1, 2, 3]", "coverage.range: [1, 2, 3] should have only two elements (line 2)")]
    public void Bad_ranges_give_codecovs_messages(string range, string expected) =>
        Assert.Equal(expected, SingleError($"coverage:\n  range: {range}\n"));

    [Theory]
    [InlineData("precision: 100", "coverage.precision: max value is 99 (line 2)")]
    [InlineData("precision: -1", "coverage.precision: min value is 0 (line 2)")]
    [InlineData("precision: two", "coverage.precision: must be an integer (line 2)")]
    [InlineData("round: sideways", "coverage.round: unallowed value sideways; must be one of: down, up, nearest (line 2)")]
    public void Precision_and_round_are_checked(string line, string expected) =>
        Assert.Equal(expected, SingleError($"coverage:\n  {line}\n"));

    [Fact]
    public void Status_may_be_a_bool_or_a_mapping_of_named_statuses()
    {
        Valid("coverage:\n  status: false\n");
        Valid("coverage:\n  status:\n    project: true\n    patch:\n      default: false\n      backend:\n        target: 90%\n        flags: [api]\n        paths: [src/]\n        if_ci_failed: failure\n        informational: true\n");
        Assert.Equal("coverage.status.project.my status: key does not match regex '^[\\w\\-\\.]+$' (line 4)",
            SingleError("coverage:\n  status:\n    project:\n      my status:\n        target: 80\n"));
        Assert.Equal("coverage.status.patch.default.if_ci_failed: unallowed value maybe; must be one of: success, failure, error, ignore (line 5)",
            SingleError("coverage:\n  status:\n    patch:\n      default:\n        if_ci_failed: maybe\n"));
        Assert.Equal("coverage.status.changes: must be a mapping or true or false (line 3)",
            SingleError("coverage:\n  status:\n    changes: 3\n"));
    }

    [Fact]
    public void Removed_code_behavior_accepts_its_names_and_false_only()
    {
        Valid("coverage:\n  status:\n    project:\n      default:\n        removed_code_behavior: false\n");
        Valid("coverage:\n  status:\n    project:\n      default:\n        removed_code_behavior: adjust_base\n");
        Assert.Contains("removed_code_behavior", SingleError("coverage:\n  status:\n    project:\n      default:\n        removed_code_behavior: true\n"));
    }

    [Fact]
    public void Unknown_keys_are_rejected_as_cerberus_rejects_them()
    {
        Assert.Equal("codecov.notify.after_builds: unknown field (line 3)", SingleError("codecov:\n  notify:\n    after_builds: 2\n"));
        Assert.Equal("coverge: unknown field (line 1)", SingleError("coverge:\n  precision: 2\n"));
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var errors = Validate("coverage:\n  precision: 100\n  round: x\ncomment:\n  behavior: loud\n").Errors;
        Assert.Equal(["coverage.precision", "coverage.round", "comment.behavior"], errors.Select(e => e.Path));
        Assert.Equal([2, 3, 5], errors.Select(e => e.Line));
    }

    [Fact]
    public void Null_values_are_refused_unless_the_schema_allows_them()
    {
        Assert.Equal("codecov.require_ci_to_pass: null value not allowed (line 2)", SingleError("codecov:\n  require_ci_to_pass:\n"));
        Valid("ignore:\ncoverage:\n  status:\n    project:\n      default:\n        target:\n");
    }

    [Fact]
    public void Comment_is_false_or_a_mapping_with_a_known_layout()
    {
        Valid("comment: false\n");
        Valid("comment:\n  layout: \"condensed_header, diff, flags, tree:5, components, condensed_footer\"\n  behavior: new\n  require_changes: true\n  hide_project_coverage: true\n");
        Assert.Equal("comment.layout: Unexpected values on layout: bogus,nope (line 2)", SingleError("comment:\n  layout: \"diff, nope, bogus\"\n"));
        Assert.Equal("comment.layout: Improper pattern for value on layout: files:x (line 2)", SingleError("comment:\n  layout: \"diff, files:x\"\n"));
        Assert.Equal("comment.behavior: unallowed value loud; must be one of: default, once, new, spammy (line 2)", SingleError("comment:\n  behavior: loud\n"));
    }

    [Theory]
    [InlineData("true", new[] { RequiredChanges.AnyChange })]
    [InlineData("false", new[] { RequiredChanges.None })]
    [InlineData("\"coverage_drop OR uncovered_patch\"", new[] { RequiredChanges.CoverageDrop | RequiredChanges.UncoveredPatch })]
    [InlineData("\"coverage_drop and uncovered_patch or any_change\"", new[] { RequiredChanges.CoverageDrop, RequiredChanges.UncoveredPatch | RequiredChanges.AnyChange })]
    public void Require_changes_becomes_and_of_or_groups(string value, RequiredChanges[] expected) =>
        Assert.Equal(expected, Valid($"comment:\n  require_changes: {value}\n").CommentRequiredChanges);

    [Theory]
    [InlineData("\"coverage_drop or\"", "comment.require_changes: Failed to parse required_changes (line 2)")]
    [InlineData("\"\"", "comment.require_changes: required_changes is empty (line 2)")]
    [InlineData("\"more_coverage\"", "comment.require_changes: Failed to parse required_changes (line 2)")]
    public void Bad_require_changes_expressions_are_refused(string value, string expected) =>
        Assert.Equal(expected, SingleError($"comment:\n  require_changes: {value}\n"));

    [Fact]
    public void Fixes_need_a_double_colon_and_are_kept_as_written()
    {
        Assert.Equal(["old/::new/", "::prefix"], Valid("fixes:\n  - \"old/::new/\"\n  - \"::prefix\"\n").GetList("fixes"));
        Assert.Equal("fixes[1]: Pathfix must split before and after with a :: (line 3)", SingleError("fixes:\n  - \"a::b\"\n  - \"a/b\"\n"));
    }

    [Fact]
    public void Branch_patterns_become_anchored_regexes_and_codecov_branch_loses_its_remote_prefix()
    {
        var yaml = Valid("codecov:\n  branch: origin/main\ncoverage:\n  status:\n    project:\n      default:\n        branches: [\"release/*\", main, \"*\"]\n");
        Assert.Equal("main", yaml.GetString("codecov.branch"));
        Assert.Equal(["^release/.*", "^main$", ".*"], yaml.GetList("coverage.status.project.default.branches"));
    }

    [Fact]
    public void Old_coverage_keys_are_hoisted_to_the_top_level()
    {
        var yaml = Valid("coverage:\n  precision: 1\n  ignore: [vendor/]\n  fixes: [\"a::b\"]\n  parsers:\n    go:\n      partials_as_hits: true\n  flags:\n    api:\n      paths: [api/]\n");
        Assert.Equal(["vendor/"], yaml.GetList("ignore"));
        Assert.Equal(["a::b"], yaml.GetList("fixes"));
        Assert.True(yaml.GetBool("parsers.go.partials_as_hits"));
        Assert.Equal(["api/"], yaml.GetList("flags.api.paths"));
        Assert.Null(yaml.TryGet("coverage.ignore"));
        Assert.Equal(1, yaml.GetInt("coverage.precision"));
    }

    [Fact]
    public void Notify_require_ci_to_pass_moves_to_codecov_require_ci_to_pass()
    {
        var yaml = Valid("codecov:\n  require_ci_to_pass: true\n  notify:\n    require_ci_to_pass: false\n    after_n_builds: 2\n");
        Assert.False(yaml.GetBool("codecov.require_ci_to_pass"));
        Assert.Null(yaml.TryGet("codecov.notify.require_ci_to_pass"));
        Assert.False(yaml.RequireCiToPass);
    }

    [Fact]
    public void Flags_and_flag_management_follow_their_schema()
    {
        Valid("flag_management:\n  default_rules:\n    carryforward: true\n    statuses:\n      - type: project\n        target: auto\n        threshold: 1%\n  individual_flags:\n    - name: api\n      paths: [api/]\n      carryforward_mode: labels\n");
        Assert.Equal("flag_management.individual_flags[0].statuses[0].type: unallowed value total; must be one of: project, patch, changes (line 4)",
            SingleError("flag_management:\n  individual_flags:\n    - name: api\n      statuses: [{type: total}]\n"));
        Assert.Equal("flags.api.after_n_builds: min value is 0 (line 3)", SingleError("flags:\n  api:\n    after_n_builds: -1\n"));
    }

    [Fact]
    public void Components_need_a_component_id()
    {
        Valid("component_management:\n  individual_components:\n    - component_id: core\n      name: Core\n      paths: [src/core/]\n");
        Assert.Equal("component_management.individual_components[0].component_id: required field (line 3)",
            SingleError("component_management:\n  individual_components:\n    - name: Core\n"));
    }

    [Fact]
    public void Max_report_age_takes_a_string_an_integer_or_a_bool()
    {
        Valid("codecov:\n  max_report_age: off\n");
        Valid("codecov:\n  max_report_age: \"24h ago\"\n");
        Assert.Equal("codecov.max_report_age: must be a string or an integer or true or false (line 2)", SingleError("codecov:\n  max_report_age: [1]\n"));
    }

    [Fact]
    public void Github_checks_and_parsers_are_checked()
    {
        Valid("github_checks:\n  annotations: false\nparsers:\n  gcov:\n    branch_detection:\n      conditional: yes\n  cobertura:\n    partials_as_hits: true\n");
        Assert.Equal("parsers.gcov.branch_detection.loop: must be true or false (line 4)", SingleError("parsers:\n  gcov:\n    branch_detection:\n      loop: sometimes\n"));
    }
}
