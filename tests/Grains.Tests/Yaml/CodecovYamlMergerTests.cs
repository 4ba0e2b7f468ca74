using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

public sealed class CodecovYamlMergerTests
{
    private static CodecovYaml Yaml(string text) => CodecovYamlValidator.Validate(CodecovYaml.Parse(text)!).Document!;

    [Fact]
    public void Mappings_merge_deeply_while_lists_and_scalars_are_replaced()
    {
        var merged = CodecovYamlMerger.Merge(
            Yaml("coverage:\n  precision: 2\n  round: down\nignore: [a/, b/]\n"),
            Yaml("coverage:\n  precision: 1\nignore: [c/]\n"));

        Assert.Equal(1, merged.GetInt("coverage.precision"));
        Assert.Equal("down", merged.GetString("coverage.round"));
        Assert.Equal(["c/"], merged.GetList("ignore"));
    }

    [Fact]
    public void A_scalar_replaces_a_mapping_and_a_mapping_replaces_a_scalar()
    {
        Assert.False(CodecovYamlMerger.Merge(Yaml("comment:\n  behavior: new\n"), Yaml("comment: false\n")).GetBool("comment"));
        var status = CodecovYamlMerger.Merge(Yaml("coverage:\n  status: true\n"), Yaml("coverage:\n  status:\n    patch: false\n")).TryGet("coverage.status");
        Assert.IsType<YamlMapping>(status);
    }

    [Fact]
    public void Site_then_owner_then_commit_each_override_the_previous()
    {
        var site = Yaml("coverage:\n  precision: 2\n  round: down\n  range: 60..80\n");
        var owner = Yaml("coverage:\n  precision: 1\n  round: up\n");
        var commit = Yaml("coverage:\n  precision: 0\n");

        var final = CodecovYamlMerger.Final(site, owner, repository: null, commit);

        Assert.Equal(0, final.Precision);
        Assert.Equal("up", final.Round);
        Assert.Equal((60, 80), final.Range);
    }

    [Fact]
    public void A_commit_yaml_replaces_the_repo_yaml_instead_of_merging_with_it()
    {
        var repository = Yaml("ignore: [vendor/]\ncoverage:\n  precision: 3\n");
        var commit = Yaml("coverage:\n  round: up\n");

        var final = CodecovYamlMerger.Final(CodecovYamlDefaults.Legacy, owner: null, repository, commit);

        Assert.Null(final.GetList("ignore"));
        Assert.Equal(2, final.Precision);
        Assert.Equal("up", final.Round);
    }

    [Fact]
    public void The_repo_yaml_applies_when_the_commit_has_none()
    {
        var final = CodecovYamlMerger.Final(CodecovYamlDefaults.Legacy, owner: null, Yaml("ignore: [vendor/]\n"), commit: null);
        Assert.Equal(["vendor/"], final.GetList("ignore"));
    }

    [Fact]
    public void Legacy_defaults_match_codecovs_site_config()
    {
        var defaults = CodecovYamlDefaults.Legacy;

        Assert.True(defaults.RequireCiToPass);
        Assert.True(defaults.GetBool("codecov.notify.wait_for_ci"));
        Assert.Equal(2, defaults.Precision);
        Assert.Equal("down", defaults.Round);
        Assert.Equal((60, 80), defaults.Range);
        Assert.True(defaults.GetBool("coverage.status.project"));
        Assert.True(defaults.GetBool("coverage.status.patch"));
        Assert.False(defaults.GetBool("coverage.status.changes"));
        Assert.Equal("include", defaults.GetString("coverage.status.default_rules.flag_coverage_not_uploaded_behavior"));
        Assert.Equal("reach,diff,flags,tree,reach", defaults.GetString("comment.layout"));
        Assert.Equal("default", defaults.GetString("comment.behavior"));
        Assert.False(defaults.GetBool("comment.show_carryforward_flags"));
        Assert.True(defaults.GetBool("slack_app"));
        Assert.True(defaults.GetBool("github_checks.annotations"));
        Assert.True(defaults.CommentEnabled);
    }

    [Fact]
    public void A_configured_site_yaml_merges_over_the_legacy_defaults()
    {
        var site = CodecovYamlDefaults.Site("coverage:\n  round: nearest\n");
        Assert.Equal("nearest", site.Round);
        Assert.Equal(2, site.Precision);
    }

    [Fact]
    public void An_invalid_site_yaml_stops_with_its_errors()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CodecovYamlDefaults.Site("coverage:\n  round: sideways\n"));
        Assert.Contains("coverage.round", error.Message);
    }
}
