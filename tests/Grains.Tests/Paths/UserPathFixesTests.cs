using Codecov.Grains.Paths;

namespace Codecov.Grains.Tests.Paths;

// codecov-semantics §2 `fixes`: "before::after", "::p" adds a prefix; before may be a prefix, glob or regex.
public sealed class UserPathFixesTests
{
    [Fact]
    public void A_prefix_fix_replaces_the_leading_folder()
    {
        var fixes = new UserPathFixes(["build/src/::src/"]);
        Assert.Equal("src/a.c", fixes.Apply("build/src/a.c", addPrefix: false));
    }

    [Fact]
    public void A_fix_with_an_empty_after_removes_the_prefix()
    {
        var fixes = new UserPathFixes(["home/runner/work/acme/::"]);
        Assert.Equal("lib/a.py", fixes.Apply("home/runner/work/acme/lib/a.py", addPrefix: false));
    }

    [Fact]
    public void A_prefix_fix_only_matches_at_the_start()
    {
        var fixes = new UserPathFixes(["build/::out/"]);
        Assert.Equal("x/build/a.c", fixes.Apply("x/build/a.c", addPrefix: false));
    }

    [Fact]
    public void A_glob_fix_replaces_what_the_glob_matches()
    {
        var strip = new UserPathFixes(["ci/**/checkout/::"]);
        Assert.Equal("src/a.go", strip.Apply("ci/builds/123/checkout/src/a.go", addPrefix: false));
        var replace = new UserPathFixes(["ci/*/checkout/::repo/"]);
        Assert.Equal("repo/src/a.go", replace.Apply("ci/b1/checkout/src/a.go", addPrefix: false));
    }

    [Fact]
    public void A_regex_fix_replaces_what_the_regex_matches()
    {
        var fixes = new UserPathFixes([@"^[a-z]+-\d+/::pkg/"]);
        Assert.Equal("pkg/a.rs", fixes.Apply("worker-42/a.rs", addPrefix: false));
    }

    [Fact]
    public void A_double_colon_prefix_is_added_only_in_the_post_pass()
    {
        var fixes = new UserPathFixes(["::app/"]);
        Assert.Equal("a.py", fixes.Apply("a.py", addPrefix: false));
        Assert.Equal("app/a.py", fixes.Apply("a.py", addPrefix: true));
    }

    [Fact]
    public void A_fix_without_a_double_colon_is_ignored()
    {
        var fixes = new UserPathFixes(["nonsense"]);
        Assert.True(fixes.IsEmpty);
    }
}
