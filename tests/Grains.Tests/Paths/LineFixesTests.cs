using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Paths;

// Line fixes are Codecov's ReportFile `ignore` (shared _ignore_to_func): listed lines and lines after eof are not stored.
public sealed class LineFixesTests
{
    private static readonly IPathResolver AsIs = new PathFixer(PathFixingRules.None, null, null);

    private static CoverageReport ReportWithLines(string path, params int[] lines)
    {
        var report = new CoverageReport();
        report.AddSession(0);
        foreach (var n in lines)
            report.GetOrAddFile(path).Append(n, new ReportLine(LineKind.Line, new LineSession(0, CoverageValue.FromHits(1), default)));
        return report;
    }

    [Fact]
    public void Listed_lines_are_removed_from_the_file()
    {
        var report = ReportWithLines("src/a.c", 1, 2, 3, 4);
        new IgnoredLines(new Dictionary<string, FileLineFixes> { ["src/a.c"] = new(null, new HashSet<int> { 2, 4 }) }).RemoveFrom(report);

        Assert.Equal([1, 3], report["src/a.c"]!.Lines.Select(l => l.Key));
        Assert.Equal(2, report.Totals.Lines);
    }

    [Fact]
    public void Lines_after_eof_are_removed()
    {
        var report = ReportWithLines("src/a.c", 1, 9, 10, 11, 40);
        new IgnoredLines(new Dictionary<string, FileLineFixes> { ["src/a.c"] = new(10, new HashSet<int>()) }).RemoveFrom(report);

        Assert.Equal([1, 9, 10], report["src/a.c"]!.Lines.Select(l => l.Key));
    }

    [Fact]
    public void An_eof_of_zero_removes_nothing_beyond_the_listed_lines()
    {
        var report = ReportWithLines("src/a.c", 1, 2);
        new IgnoredLines(new Dictionary<string, FileLineFixes> { ["src/a.c"] = new(0, new HashSet<int> { 1 }) }).RemoveFrom(report);

        Assert.Equal([2], report["src/a.c"]!.Lines.Select(l => l.Key));
    }

    [Fact]
    public void A_file_left_without_lines_is_dropped_and_other_files_are_untouched()
    {
        var report = ReportWithLines("src/a.c", 1);
        report.GetOrAddFile("src/b.c").Append(1, new ReportLine(LineKind.Line, new LineSession(0, CoverageValue.FromHits(0), default)));
        new IgnoredLines(new Dictionary<string, FileLineFixes> { ["src/a.c"] = new(null, new HashSet<int> { 1 }) }).RemoveFrom(report);

        Assert.Null(report["src/a.c"]);
        Assert.NotNull(report["src/b.c"]);
        Assert.Equal(1, report.Totals.Files);
    }

    [Fact]
    public void Legacy_fixes_list_lines_per_file_and_eof()
    {
        var fixes = LineFixes.FromLegacyText("src/a.c:1,3,5\nsrc/a.c:8\nEOF: 20 src/b.c\n").Resolve(AsIs);

        Assert.Equal(new HashSet<int> { 1, 3, 5, 8 }, fixes["src/a.c"].Lines);
        Assert.Equal(20, fixes["src/b.c"].Eof);
    }

    [Fact]
    public void Legacy_fixes_ignore_the_lines_inside_a_block_comment()
    {
        var text = "src/a.c:3:/* start\nsrc/a.c:7:end */\nsrc/a.c:10:  // LCOV_EXCL_START\nsrc/a.c:12:  // LCOV_EXCL_STOP\n";
        var fixes = LineFixes.FromLegacyText(text).Resolve(AsIs);

        Assert.Equal(new HashSet<int> { 3, 4, 5, 6, 7, 10, 11, 12 }, fixes["src/a.c"].Lines);
    }

    [Fact]
    public void Legacy_fix_paths_go_through_the_path_fixer_and_dropped_paths_are_left_out()
    {
        var fixer = new PathFixer(PathFixingRules.None, ["src/a.c"], null);
        var fixes = LineFixes.FromLegacyText("/home/ci/repo/src/a.c:4\n/home/ci/repo/gone.c:1\n").Resolve(fixer);

        Assert.Equal(["src/a.c"], fixes.Keys);
        Assert.Equal(new HashSet<int> { 4 }, fixes["src/a.c"].Lines);
    }

    [Fact]
    public void Malformed_legacy_lines_are_skipped()
    {
        var fixes = LineFixes.FromLegacyText("no colon here\nsrc/a.c:x\nsrc/a.c:2\n").Resolve(AsIs);

        Assert.Equal(new HashSet<int> { 2 }, fixes["src/a.c"].Lines);
    }
}
