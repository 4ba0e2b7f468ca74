namespace Codecov.Grains.Paths;

/// <summary>
/// Codecov's path fixing pipeline for one report file of an upload (worker <c>services/path_fixer</c>
/// <c>PathFixer</c> + <c>BasePathAwarePathFixer</c>; codecov-semantics §2 "Path fixing order"):
/// normalise → user fixes (pre) → network resolution, or known CI prefixes stripped when there is
/// no network → user fixes (post) → include/ignore matcher. A path the network cannot resolve is
/// retried relative to the report file's own folder.
/// </summary>
public sealed class PathFixer : IPathResolver
{
    private readonly UserPathFixes fixes;
    private readonly PathMatcher matcher;
    private readonly NetworkTree? tree;
    private readonly bool hasNetwork;
    private readonly string? reportFolder;
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    /// <param name="rules">The codecov.yml rules in effect.</param>
    /// <param name="network">The upload's repository file list; null or empty when it sent none.</param>
    /// <param name="reportFileName">The report's own path (<c># path=</c> or the CLI's <c>filename</c>), if known.</param>
    public PathFixer(PathFixingRules rules, IReadOnlyList<string>? network, string? reportFileName)
    {
        fixes = new UserPathFixes(rules.Fixes);
        matcher = new PathMatcher(Patterns(rules));
        hasNetwork = network is { Count: > 0 };
        if (hasNetwork && !rules.DisableDefaultPathFixes) tree = new NetworkTree(network!);
        reportFolder = ReportFolder(reportFileName);
    }

    /// <summary>The repository path, or null when the file is dropped.</summary>
    public string? Resolve(string reportedPath) => Resolve(reportedPath, []);

    /// <summary>
    /// As <see cref="Resolve(string)"/>, also trying <paramref name="basesToTry"/> (a report's own
    /// source roots, e.g. Cobertura <c>&lt;source&gt;</c>) after the report's folder.
    /// </summary>
    public string? Resolve(string reportedPath, IReadOnlyList<string> basesToTry)
    {
        if (string.IsNullOrEmpty(reportedPath)) return null;
        var direct = Fix(reportedPath);
        if (direct is not null || !hasNetwork || reportedPath.StartsWith('/')) return direct;
        var bases = reportFolder is null ? basesToTry : [reportFolder, .. basesToTry];
        foreach (var folder in bases)
        {
            if (Fix(folder.TrimEnd('/', '\\') + "/" + reportedPath) is { } relative) return relative;
        }
        return null;
    }

    /// <summary>
    /// Codecov's first clean-up: backslashes to slashes, then Python's <c>lstrip("./")</c>, which
    /// removes every leading '.' and '/' character (so <c>.github/x</c> becomes <c>github/x</c>),
    /// then <c>os.path.relpath</c>. Null when nothing is left.
    /// </summary>
    public static string? Normalize(string path)
    {
        var p = path.Replace('\\', '/').TrimStart('.', '/');
        return RelativeNormalize(p);
    }

    /// <summary><c>os.path.relpath</c> of a relative path: <c>.</c>, empty and <c>x/..</c> segments collapse; leading <c>..</c> stay.</summary>
    internal static string? RelativeNormalize(string path)
    {
        if (path.Length == 0) return null;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(segment);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private string? Fix(string reportedPath)
    {
        if (cache.TryGetValue(reportedPath, out var known)) return known;
        var fixedPath = FixUncached(reportedPath);
        cache[reportedPath] = fixedPath;
        return fixedPath;
    }

    private string? FixUncached(string reportedPath)
    {
        var path = Normalize(reportedPath);
        if (path is null) return null;
        if (!fixes.IsEmpty) path = fixes.Apply(path, addPrefix: false);
        if (tree is not null)
        {
            path = tree.Resolve(path);
            if (path is null) return null;
        }
        else if (!hasNetwork) path = KnownBadPaths.Remove(path);
        if (!fixes.IsEmpty) path = fixes.Apply(path, addPrefix: true);
        // An empty result (a known bad path consumed whole) is no file at all.
        if (path.Length == 0 || !matcher.Includes(path)) return null;
        return path;
    }

    /// <summary><c>init_from_user_yaml</c>: every <c>ignore</c> entry inverted, flag <c>paths</c> as written.</summary>
    private static IEnumerable<PathPattern> Patterns(PathFixingRules rules)
    {
        foreach (var ignore in rules.Ignore) yield return PathPatterns.Parse(ignore).Inverted();
        foreach (var include in rules.FlagPaths ?? []) yield return PathPatterns.Parse(include);
    }

    /// <summary>
    /// <c>BasePathAwarePathFixer</c>: the report file's parent folder, read as a Windows path when
    /// it has a drive letter and as a POSIX path otherwise.
    /// </summary>
    private static string? ReportFolder(string? reportFileName)
    {
        if (string.IsNullOrEmpty(reportFileName)) return null;
        var posix = reportFileName.Replace('\\', '/');
        var slash = posix.TrimEnd('/').LastIndexOf('/');
        if (slash < 0) return ".";
        return slash == 0 ? "/" : posix[..slash];
    }
}
