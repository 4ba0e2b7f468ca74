using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

public sealed class CodecovYamlSettingsTests
{
    private static CodecovYaml Final(string text) =>
        CodecovYamlMerger.Final(CodecovYamlDefaults.Legacy, null, CodecovYamlValidator.Validate(CodecovYaml.Parse(text)!).Document!, null);

    [Fact]
    public void Parser_settings_map_every_key_and_default_to_false_as_codecov_does()
    {
        var unset = Final("coverage:\n  precision: 2\n").ParserSettings;
        Assert.False(unset.GcovBranchDetectionConditional);
        Assert.False(unset.GcovBranchDetectionLoop);
        Assert.False(unset.CoberturaPartialsAsHits);

        var set = Final("parsers:\n  gcov:\n    branch_detection:\n      conditional: true\n      loop: true\n      method: true\n      macro: true\n  cobertura:\n    partials_as_hits: true\n    handle_missing_conditions: true\n  jacoco:\n    partials_as_hits: true\n  go:\n    partials_as_hits: true\n  javascript:\n    enable_partials: true\n").ParserSettings;
        Assert.True(set is { GcovBranchDetectionConditional: true, GcovBranchDetectionLoop: true, GcovBranchDetectionMethod: true, GcovBranchDetectionMacro: true });
        Assert.True(set is { CoberturaPartialsAsHits: true, CoberturaHandleMissingConditions: true, JacocoPartialsAsHits: true, GoPartialsAsHits: true, JavascriptEnablePartials: true });
    }

    [Fact]
    public void Path_rules_combine_top_level_ignore_with_the_uploads_flags()
    {
        var yaml = Final("ignore: [vendor/]\nfixes: [\"old/::new/\"]\ncodecov:\n  disable_default_path_fixes: true\nflags:\n  api:\n    paths: [api/]\n    ignore: [api/gen/]\nflag_management:\n  default_rules:\n    paths: [shared/]\n  individual_flags:\n    - name: web\n      paths: [web/]\n");

        var api = yaml.PathFixingRules(["api"]);
        Assert.Equal(["old/::new/"], api.Fixes);
        Assert.Equal(["vendor/", "api/gen/"], api.Ignore);
        Assert.Equal(["api/"], api.FlagPaths!);
        Assert.True(api.DisableDefaultPathFixes);

        Assert.Equal(["web/"], yaml.PathFixingRules(["web"]).FlagPaths!);
        Assert.Equal(["shared/"], yaml.PathFixingRules(["other"]).FlagPaths!);
        Assert.Null(Final("ignore: [x/]\n").PathFixingRules(["api"]).FlagPaths);
    }

    [Theory]
    [InlineData(null, 12.0)]
    [InlineData("\"12h ago\"", 12.0)]
    [InlineData("\"24 hours ago\"", 24.0)]
    [InlineData("\"7 days ago\"", 168.0)]
    [InlineData("\"30m ago\"", 0.5)]
    [InlineData("true", 12.0)]
    public void Max_report_age_reads_relative_times(string? value, double hours)
    {
        var yaml = value is null ? Final("coverage:\n  precision: 2\n") : Final($"codecov:\n  max_report_age: {value}\n");
        Assert.Equal(TimeSpan.FromHours(hours), yaml.MaxReportAge);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("off")]
    [InlineData("0")]
    public void Max_report_age_false_or_an_integer_turns_the_check_off(string value) =>
        Assert.Null(Final($"codecov:\n  max_report_age: {value}\n").MaxReportAge);

    [Fact]
    public void Notify_settings_read_with_codecovs_defaults()
    {
        var defaults = Final("coverage:\n  precision: 2\n");
        Assert.Null(defaults.NotifyAfterNBuilds);
        Assert.True(defaults.WaitForCi);
        Assert.True(defaults.RequireCiToPass);
        Assert.False(defaults.ManualTrigger);

        var set = Final("codecov:\n  notify:\n    after_n_builds: 3\n    wait_for_ci: false\n    manual_trigger: true\n    notify_error: true\n  require_ci_to_pass: no\n");
        Assert.Equal(3, set.NotifyAfterNBuilds);
        Assert.False(set.WaitForCi);
        Assert.True(set.ManualTrigger);
        Assert.True(set.NotifyError);
        Assert.False(set.RequireCiToPass);
    }

    [Fact]
    public void Comment_true_does_nothing_and_comment_false_disables_it()
    {
        Assert.False(Final("comment: true\n").CommentEnabled);
        Assert.False(Final("comment: false\n").CommentEnabled);
        Assert.True(Final("comment:\n  behavior: once\n").CommentEnabled);
    }

    [Fact]
    public void Generic_accessors_read_any_path_and_return_null_for_other_types()
    {
        var yaml = Final("coverage:\n  status:\n    project:\n      default:\n        target: 85%\n        flags: [a, b]\n");
        Assert.Equal(85.0, yaml.GetNumber("coverage.status.project.default.target"));
        Assert.Equal(["a", "b"], yaml.GetList("coverage.status.project.default.flags"));
        Assert.Null(yaml.GetString("coverage.status.project.default.target"));
        Assert.Null(yaml.GetBool("coverage.status.project.default.missing"));
        Assert.Null(yaml.TryGet("coverage.precision.deeper"));
    }
}
