using Codecov.Grains.Paths;

namespace Codecov.Grains.Tests.Paths;

// The pipeline order of codecov-semantics §2 "Path fixing order".
public sealed class PathFixerTests
{
    private static readonly string[] Network = ["src/app/main.c", "src/app/util.c", "lib/util.h", "README.md", "sub/module/foo.c"];

    private static PathFixer Fixer(string[]? network = null, string[]? fixes = null, string[]? ignore = null,
        string[]? flagPaths = null, string? reportFile = null) =>
        new(new PathFixingRules(fixes ?? [], ignore ?? [], flagPaths), network, reportFile);

    [Fact]
    public void An_absolute_ci_path_resolves_to_the_network_file_with_the_same_tail()
    {
        Assert.Equal("src/app/main.c", Fixer(Network).Resolve("/home/runner/work/acme/acme/src/app/main.c"));
    }

    [Fact]
    public void A_windows_path_resolves_like_a_posix_path()
    {
        Assert.Equal("src/app/util.c", Fixer(Network).Resolve(@"C:\agent\_work\1\s\src\app\util.c"));
    }

    [Fact]
    public void A_path_that_is_a_suffix_of_one_network_file_is_completed()
    {
        Assert.Equal("src/app/main.c", Fixer(Network).Resolve("app/main.c"));
    }

    [Fact]
    public void Network_resolution_ignores_case()
    {
        Assert.Equal("src/app/main.c", Fixer(Network).Resolve("/build/SRC/App/Main.c"));
    }

    [Fact]
    public void A_file_missing_from_the_network_is_dropped()
    {
        Assert.Null(Fixer(Network).Resolve("/home/ci/repo/build/generated.c"));
    }

    [Fact]
    public void A_file_whose_parent_folder_differs_from_every_network_file_is_dropped()
    {
        // Codecov requires the file name and one parent folder to agree (ancestors=1).
        Assert.Null(Fixer(Network).Resolve("other/main.c"));
    }

    [Fact]
    public void A_path_relative_to_the_report_folder_is_resolved_through_it()
    {
        string[] network = ["sub/module/foo.c", "other/module/foo.c"];
        Assert.Null(Fixer(network).Resolve("foo.c"));
        var fixer = Fixer(network, reportFile: "/home/ci/repo/sub/module/coverage.xml");
        Assert.Equal("sub/module/foo.c", fixer.Resolve("foo.c"));
    }

    [Fact]
    public void A_windows_report_folder_is_used_for_relative_paths()
    {
        var fixer = Fixer(["sub/module/foo.c", "other/module/foo.c"], reportFile: @"C:\src\repo\sub\module\coverage.xml");
        Assert.Equal("sub/module/foo.c", fixer.Resolve("foo.c"));
    }

    [Fact]
    public void Extra_source_folders_are_tried_after_the_report_folder()
    {
        var fixer = Fixer(["pkg/core/a.py", "other/core/a.py"], reportFile: "coverage.xml");
        Assert.Equal("pkg/core/a.py", fixer.Resolve("a.py", ["/home/ci/repo/pkg/core"]));
    }

    [Fact]
    public void Without_a_network_known_ci_prefixes_are_stripped()
    {
        var fixer = Fixer();
        Assert.Equal("lib/a.rb", fixer.Resolve("/home/travis/build/acme/widgets/lib/a.rb"));
        Assert.Equal("src/a.go", fixer.Resolve("/go/src/github.com/acme/widgets/src/a.go"));
        Assert.Equal("pkg/x.py", fixer.Resolve("/usr/lib/python3/site-packages/pkg/x.py"));
    }

    [Fact]
    public void Without_a_network_vendored_paths_are_dropped()
    {
        Assert.Null(Fixer().Resolve("node_modules/left-pad/index.js"));
        Assert.Null(Fixer().Resolve("/usr/include/stdio.h"));
    }

    [Fact]
    public void Without_a_network_a_relative_path_is_kept_after_normalising()
    {
        Assert.Equal("src/a/b.c", Fixer().Resolve(@".\src\x\..\a\b.c"));
        Assert.Equal("src/a.c", Fixer().Resolve("../src/a.c"));
    }

    [Fact]
    public void User_fixes_apply_before_network_resolution()
    {
        // Without the fix the reported name matches nothing in the network.
        var network = new[] { "app/core/main.c" };
        Assert.Null(Fixer(network).Resolve("/ci/generated/main.c"));
        Assert.Equal("app/core/main.c", Fixer(network, fixes: ["ci/generated/::app/core/"]).Resolve("/ci/generated/main.c"));
    }

    [Fact]
    public void A_double_colon_prefix_is_added_after_network_resolution()
    {
        Assert.Equal("backend/src/app/main.c", Fixer(Network, fixes: ["::backend"]).Resolve("/x/src/app/main.c"));
    }

    [Fact]
    public void Ignored_paths_are_dropped_after_fixing()
    {
        var fixer = Fixer(Network, ignore: ["lib/"]);
        Assert.Null(fixer.Resolve("/ci/lib/util.h"));
        Assert.Equal("src/app/util.c", fixer.Resolve("/ci/src/app/util.c"));
    }

    [Fact]
    public void Ignore_globs_match_the_fixed_path()
    {
        var fixer = Fixer(ignore: ["**/*_test.go"]);
        Assert.Null(fixer.Resolve("pkg/a/b_test.go"));
        Assert.Equal("pkg/a/b.go", fixer.Resolve("pkg/a/b.go"));
    }

    [Fact]
    public void A_negated_ignore_entry_becomes_an_include()
    {
        // Codecov inverts every ignore entry: "!src/" turns into the positive pattern "src/".
        var fixer = Fixer(ignore: ["!src/"]);
        Assert.Equal("src/a.c", fixer.Resolve("src/a.c"));
        Assert.Null(fixer.Resolve("docs/a.c"));
    }

    [Fact]
    public void Flag_paths_keep_only_matching_files()
    {
        var fixer = Fixer(Network, flagPaths: ["src/"]);
        Assert.Equal("src/app/main.c", fixer.Resolve("src/app/main.c"));
        Assert.Null(fixer.Resolve("lib/util.h"));
    }

    [Fact]
    public void Flag_paths_and_ignore_combine()
    {
        var fixer = Fixer(flagPaths: ["src/"], ignore: ["src/gen/"]);
        Assert.Equal("src/a.c", fixer.Resolve("src/a.c"));
        Assert.Null(fixer.Resolve("src/gen/a.c"));
        Assert.Null(fixer.Resolve("lib/a.c"));
    }

    [Fact]
    public void An_empty_network_counts_as_no_network()
    {
        Assert.Equal("lib/a.rb", Fixer([]).Resolve("/home/travis/build/acme/widgets/lib/a.rb"));
    }

    [Fact]
    public void Disabling_default_path_fixes_keeps_the_path_as_normalised()
    {
        var fixer = new PathFixer(new PathFixingRules([], [], null, DisableDefaultPathFixes: true), Network, null);
        Assert.Equal("ci/checkout/whatever.c", fixer.Resolve("/ci/checkout/whatever.c"));
    }

    [Fact]
    public void Two_equally_good_network_files_are_told_apart_by_similarity()
    {
        // Both end in a/b.c up to case; Codecov picks the most similar string (difflib ratio).
        var fixer = Fixer(["x/A/b.c", "x/a/b.c"]);
        Assert.Equal("x/a/b.c", fixer.Resolve("x/a/b.c"));
        Assert.Equal("x/A/b.c", fixer.Resolve("x/A/b.c"));
    }

    [Fact]
    public void Every_cjson_lcov_file_resolves_against_its_network_as_codecov_counts_them()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "lcov", "cjson");
        var reported = File.ReadLines(Path.Combine(folder, "lcov.info"))
            .Where(l => l.StartsWith("SF:", StringComparison.Ordinal)).Select(l => l[3..]).Distinct().ToList();
        var fixer = Fixer(NetworkList.Clean(File.ReadAllText(Path.Combine(folder, "network.txt"))).ToArray(), reportFile: "lcov.info");

        var resolved = reported.Select(p => fixer.Resolve(p)).ToList();

        Assert.All(resolved, Assert.NotNull);
        Assert.Equal(CodecovFiles(folder), resolved.Distinct().Count());
    }

    [Fact]
    public void Go_standard_library_import_paths_resolve_under_src_as_codecov_counts_them()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "go-coverprofile", "golang-stdlib");
        var reported = File.ReadLines(Path.Combine(folder, "coverage.out")).Skip(1)
            .Select(l => l[..l.IndexOf(':')]).Distinct().ToList();
        var fixer = Fixer(NetworkList.Clean(File.ReadAllText(Path.Combine(folder, "network.txt"))).ToArray());

        var resolved = reported.Select(p => fixer.Resolve(p)).ToList();

        Assert.All(resolved, Assert.NotNull);
        Assert.All(reported, p => Assert.Equal("src/" + p, fixer.Resolve(p)));
        Assert.Equal(CodecovFiles(folder), resolved.Distinct().Count());
    }

    private static int CodecovFiles(string folder)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "codecov-totals.json")));
        return json.RootElement.GetProperty("merged").GetProperty("files").GetInt32();
    }
}
