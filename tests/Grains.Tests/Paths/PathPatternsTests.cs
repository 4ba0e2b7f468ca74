using Codecov.Grains.Paths;

namespace Codecov.Grains.Tests.Paths;

// Expected regexes and decisions follow codecov-semantics §2 "Path patterns".
public sealed class PathPatternsTests
{
    [Theory]
    [InlineData("src/lib", PathPatternKind.Prefix)]
    [InlineData("src/**/test.py", PathPatternKind.Glob)]
    [InlineData("src/*", PathPatternKind.Glob)]
    [InlineData("*.py", PathPatternKind.Glob)]
    [InlineData("src/.*_test.go", PathPatternKind.Regex)]
    [InlineData("^vendor/.*$", PathPatternKind.Regex)]
    [InlineData("[a-z]+/x.c", PathPatternKind.Regex)]
    public void A_pattern_is_classified_by_its_reserved_characters(string pattern, PathPatternKind kind) =>
        Assert.Equal(kind, PathPatterns.Classify(pattern));

    [Fact]
    public void A_prefix_pattern_becomes_an_anchored_prefix_regex()
    {
        Assert.Equal(new PathPattern(false, "^src/lib.*"), PathPatterns.Parse("src/lib"));
    }

    [Fact]
    public void Leading_dot_slash_is_stripped_and_bang_negates()
    {
        Assert.Equal(new PathPattern(true, "^tests/.*"), PathPatterns.Parse("!./tests/"));
    }

    [Fact]
    public void A_single_star_glob_stops_at_slashes_and_a_double_star_does_not()
    {
        var single = PathMatcher.FromUserPatterns(["src/*.py"]);
        Assert.True(single.Includes("src/a.py"));
        Assert.False(single.Includes("src/sub/a.py"));

        var deep = PathMatcher.FromUserPatterns(["src/**/*.py"]);
        Assert.True(deep.Includes("src/sub/deeper/a.py"));
        Assert.False(deep.Includes("lib/sub/a.py"));
    }

    [Fact]
    public void A_glob_is_anchored_at_the_end()
    {
        var matcher = PathMatcher.FromUserPatterns(["src/*.py"]);
        Assert.False(matcher.Includes("src/a.pyc"));
    }

    [Fact]
    public void A_regex_is_matched_from_the_start_of_the_path()
    {
        var matcher = PathMatcher.FromUserPatterns([@"src/.*_test\.go"]);
        Assert.True(matcher.Includes("src/a/b_test.go"));
        Assert.False(matcher.Includes("lib/src/b_test.go"));
    }

    [Fact]
    public void A_negative_match_rejects_even_when_a_positive_matches()
    {
        var matcher = PathMatcher.FromUserPatterns(["src/", "!src/generated/"]);
        Assert.True(matcher.Includes("src/a.c"));
        Assert.False(matcher.Includes("src/generated/a.c"));
    }

    [Fact]
    public void When_positives_exist_one_of_them_must_match()
    {
        var matcher = PathMatcher.FromUserPatterns(["src/", "lib/"]);
        Assert.True(matcher.Includes("lib/x.c"));
        Assert.False(matcher.Includes("docs/x.c"));
    }

    [Fact]
    public void Only_negatives_keep_everything_else()
    {
        var matcher = PathMatcher.FromUserPatterns(["!vendor/"]);
        Assert.True(matcher.Includes("docs/x.c"));
        Assert.False(matcher.Includes("vendor/x.c"));
    }

    [Fact]
    public void No_patterns_keep_every_path()
    {
        Assert.True(PathMatcher.All.Includes("anything/at/all.c"));
    }

    [Fact]
    public void Question_mark_and_character_classes_work_in_globs()
    {
        var matcher = PathMatcher.FromUserPatterns(["src/**/file?.[ch]"]);
        Assert.True(matcher.Includes("src/x/file1.c"));
        Assert.True(matcher.Includes("src/x/file2.h"));
        Assert.False(matcher.Includes("src/x/file1.o"));
    }
}
