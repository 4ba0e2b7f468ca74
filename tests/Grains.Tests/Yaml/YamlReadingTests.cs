using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

public sealed class YamlReadingTests
{
    private static CodecovYaml Parse(string text) => CodecovYaml.Parse(text)!;

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("off", false)]
    [InlineData("FALSE", false)]
    public void Plain_yaml_1_1_booleans_are_booleans_as_pyyaml_reads_them(string text, bool expected) =>
        Assert.Equal(expected, Parse($"a: {text}").GetBool("a"));

    [Fact]
    public void Quoted_scalars_stay_strings()
    {
        var yaml = Parse("a: 'yes'\nb: \"80\"");
        Assert.Equal("yes", yaml.GetString("a"));
        Assert.Equal("80", yaml.GetString("b"));
    }

    [Fact]
    public void Numbers_follow_yaml_1_1_so_an_exponent_without_a_dot_is_a_string()
    {
        var yaml = Parse("a: 80\nb: 80.5\nc: 1e3\nd: 0x1F\ne: 017\nf: ~");
        Assert.Equal(80, yaml.GetInt("a"));
        Assert.Equal(80.5, yaml.GetNumber("b"));
        Assert.Equal("1e3", yaml.GetString("c"));
        Assert.Equal(31, yaml.GetInt("d"));
        Assert.Equal(15, yaml.GetInt("e"));
        Assert.Equal(YamlScalarKind.Null, ((YamlScalar)yaml.TryGet("f")!).Kind);
    }

    [Fact]
    public void Every_node_keeps_its_line_and_column()
    {
        var yaml = Parse("coverage:\n  status:\n    project:\n      default:\n        target: 80%\n");
        var target = yaml.TryGet("coverage.status.project.default.target")!;
        Assert.Equal(new YamlPosition(5, 17), target.Position);
        Assert.Equal(5, yaml.GetMapping("coverage.status.project.default")!.Entries[0].KeyPosition.Line);
    }

    [Fact]
    public void A_repeated_key_keeps_the_last_value_like_pyyaml()
    {
        var yaml = Parse("a: 1\nb: 2\na: 3");
        Assert.Equal(3, yaml.GetInt("a"));
        Assert.Equal(["a", "b"], yaml.Root.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_resolve()
    {
        var yaml = Parse("base: &b\n  target: 80\n  threshold: 1\nother:\n  <<: *b\n  threshold: 5\ncopy: *b");
        Assert.Equal(80, yaml.GetInt("other.target"));
        Assert.Equal(5, yaml.GetInt("other.threshold"));
        Assert.Equal(1, yaml.GetInt("copy.threshold"));
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_expands()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        var previous = "a";
        for (var level = 'b'; level <= 'i'; level++)
        {
            bomb += $"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
            previous = level.ToString();
        }

        var error = Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse(bomb));
        Assert.Contains("aliases included", error.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var error = Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse("a: " + deep));
        Assert.Contains("nesting is deeper than 32", error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var limits = new YamlReadLimits(MaxChars: 100);
        Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse("a: " + new string('x', 200), limits));
    }

    [Fact]
    public void Syntax_errors_carry_the_line()
    {
        var error = Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse("a: 1\nb: [1, 2\nc: 3\n"));
        Assert.True(error.Position.Line >= 2);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_refused_and_an_empty_one_is_null()
    {
        Assert.Null(CodecovYaml.Parse(""));
        Assert.Equal("Yaml needs to be a dict", Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse("- a")).Problem);
    }

    [Fact]
    public void Two_documents_are_refused_as_pyyaml_safe_load_refuses_them() =>
        Assert.Throws<CodecovYamlException>(() => CodecovYaml.Parse("a: 1\n---\nb: 2\n"));
}
