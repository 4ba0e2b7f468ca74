using System.Text.RegularExpressions;

namespace Codecov.Grains.Paths;

/// <summary>
/// Codecov's include/ignore decision (worker <c>UserPathIncludes</c>; codecov-semantics §2 "Path
/// patterns"): a negative match rejects; when positive patterns exist, one of them must match.
/// </summary>
public sealed class PathMatcher
{
    private const string MatchAll = ".*";

    private readonly bool anyPattern;
    private readonly bool includeAll;
    private readonly IReadOnlyList<Regex> includes;
    private readonly IReadOnlyList<Regex> excludes;

    public PathMatcher(IEnumerable<PathPattern> patterns)
    {
        var distinct = patterns.Distinct().ToList();
        anyPattern = distinct.Count > 0;
        var positives = distinct.Where(p => !p.Negative).Select(p => p.Regex).ToList();
        var negatives = distinct.Where(p => p.Negative).Select(p => p.Regex).ToList();

        // A literal ".*" include, or no include at all, lets everything in.
        includeAll = positives.Count == 0 || positives.Contains(MatchAll);
        includes = includeAll ? [] : positives.Select(PathPatterns.Compile).ToList();
        // Codecov quirk kept on purpose: a literal "!.*" disables every exclusion instead of excluding all.
        excludes = negatives.Contains(MatchAll) ? [] : negatives.Select(PathPatterns.Compile).ToList();
    }

    /// <summary>A matcher for raw user patterns (flag <c>paths</c>, <c>!</c> for negation).</summary>
    public static PathMatcher FromUserPatterns(IEnumerable<string> patterns) =>
        new(patterns.Select(PathPatterns.Parse));

    /// <summary>A matcher that keeps everything.</summary>
    public static PathMatcher All { get; } = new([]);

    public bool Includes(string path)
    {
        if (!anyPattern) return true;
        if (path.Length == 0) return false;
        if (!includeAll && !includes.Any(r => PathPatterns.MatchesStart(r, path))) return false;
        return !excludes.Any(r => PathPatterns.MatchesStart(r, path));
    }
}
