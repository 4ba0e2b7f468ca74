namespace Codecov.Grains.Reports;

/// <summary>A file or directory of a report tree with its rolled-up totals; directories have children.</summary>
public sealed record ReportTreeNode(string Name, string FullPath, ReportTotals Totals, IReadOnlyList<ReportTreeNode>? Children)
{
    public bool IsDirectory => Children is not null;
}

/// <summary>
/// The report as a directory tree with totals rolled up at each level (codecov-api <c>services/path.py</c>
/// <c>ReportPaths.single_directory</c>, used by API v2 <c>report/tree</c> and the file explorer): the
/// entries directly inside <c>path</c> (the root when null), directories first, then files, each by name.
/// </summary>
public static class ReportTree
{
    public static IReadOnlyList<ReportTreeNode> Children(IEnumerable<(string Path, ReportTotals Totals)> files, string? path)
    {
        var prefix = string.IsNullOrEmpty(path) ? "" : path.Trim('/') + "/";
        var below = files.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => (Remainder: f.Path[prefix.Length..], f.Totals))
            .ToList();
        return Level(below, prefix);
    }

    private static IReadOnlyList<ReportTreeNode> Level(IReadOnlyList<(string Remainder, ReportTotals Totals)> files, string prefix)
    {
        var directories = files.Where(f => f.Remainder.Contains('/'))
            .GroupBy(f => f.Remainder[..f.Remainder.IndexOf('/')], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var children = Level(g.Select(f => (f.Remainder[(g.Key.Length + 1)..], f.Totals)).ToList(), prefix + g.Key + "/");
                return new ReportTreeNode(g.Key, prefix + g.Key, LineTotals.Sum(children.Select(c => c.Totals))
                    with { Files = children.Sum(c => c.IsDirectory ? c.Totals.Files : 1) }, children);
            });
        var leaves = files.Where(f => !f.Remainder.Contains('/'))
            .OrderBy(f => f.Remainder, StringComparer.Ordinal)
            .Select(f => new ReportTreeNode(f.Remainder, prefix + f.Remainder, f.Totals, null));
        return directories.Concat(leaves).ToList();
    }
}
