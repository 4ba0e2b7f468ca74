using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Queries;

public sealed class ReportTreeTests
{
    private static ReportTotals File(int hits, int misses) =>
        new(1, hits + misses, hits, misses, 0, CoverageRatio.Of(hits, hits + misses), 0, 0, 0, 0, 0, 0, 0);

    private static readonly (string, ReportTotals)[] Files =
    [
        ("src/a.py", File(3, 1)), ("src/lib/b.py", File(1, 1)), ("src/lib/c.py", File(0, 2)), ("setup.py", File(1, 0)),
    ];

    [Fact]
    public void The_root_lists_directories_then_files_with_totals_rolled_up()
    {
        var root = ReportTree.Children(Files, null);

        Assert.Equal([("src", "src", true), ("setup.py", "setup.py", false)], root.Select(n => (n.Name, n.FullPath, n.IsDirectory)));
        var src = root[0].Totals;
        Assert.Equal((3, 8, 4, 4, "50.00000"), (src.Files, src.Lines, src.Hits, src.Misses, src.Coverage));
    }

    [Fact]
    public void A_path_lists_what_is_directly_inside_it()
    {
        var src = ReportTree.Children(Files, "src/");

        Assert.Equal(["src/lib", "src/a.py"], src.Select(n => n.FullPath));
        Assert.Equal(["src/lib/b.py", "src/lib/c.py"], src[0].Children!.Select(n => n.FullPath));
    }
}
