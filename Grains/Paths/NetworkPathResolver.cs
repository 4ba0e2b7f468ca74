namespace Codecov.Grains.Paths;

/// <summary>
/// Resolves report paths against the upload's network (the repository's file list): an exact
/// match wins, otherwise the repository file that shares the longest trailing run of path
/// segments. With no network every normalised path is kept.
/// </summary>
public sealed class NetworkPathResolver : IPathResolver
{
    private readonly HashSet<string>? files;
    private readonly Dictionary<string, List<string>> byFileName = new(StringComparer.Ordinal);

    public NetworkPathResolver(IEnumerable<string>? network)
    {
        if (network is null) return;
        files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in network)
        {
            var path = Normalize(raw);
            if (path.Length == 0 || !files.Add(path)) continue;
            var name = FileName(path);
            if (!byFileName.TryGetValue(name, out var list)) byFileName[name] = list = [];
            list.Add(path);
        }
    }

    public string? Resolve(string reportedPath)
    {
        var path = Normalize(reportedPath);
        if (path.Length == 0) return null;
        if (files is null) return path;
        if (files.Contains(path)) return path;
        if (!byFileName.TryGetValue(FileName(path), out var candidates)) return null;

        var segments = path.Split('/');
        string? best = null;
        var bestScore = 0;
        var tie = false;
        foreach (var candidate in candidates)
        {
            var score = SharedTrailingSegments(segments, candidate.Split('/'));
            if (score > bestScore) { best = candidate; bestScore = score; tie = false; }
            else if (score == bestScore) tie = true;
        }
        return tie ? null : best;
    }

    /// <summary>Backslashes become slashes; leading <c>./</c>, <c>../</c> and <c>/</c> are dropped.</summary>
    public static string Normalize(string path)
    {
        var p = path.Trim().Replace('\\', '/');
        while (true)
        {
            if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
            else if (p.StartsWith("../", StringComparison.Ordinal)) p = p[3..];
            else if (p.StartsWith('/')) p = p[1..];
            else break;
        }
        return p;
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static int SharedTrailingSegments(string[] a, string[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)]) n++;
        return n;
    }
}
