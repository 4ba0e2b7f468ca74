namespace Codecov.Grains.Paths;

/// <summary>
/// Resolves a report path against the upload's network (the repository file list) the way
/// Codecov's path tree does (shared/worker <c>pathmap</c> <c>Tree.resolve_path(path, ancestors=1)</c>):
/// paths are walked from the file name upwards, case-insensitively; a reported path that runs out
/// before a repository path ends follows the one unambiguous branch; at least the file name and
/// its parent folder must agree.
/// </summary>
public sealed class NetworkTree
{
    private const int Ancestors = 1;
    private readonly Node root = new();

    public NetworkTree(IEnumerable<string> network)
    {
        foreach (var path in network)
            if (path.Length > 0) Insert(path);
    }

    /// <summary>The repository path for <paramref name="path"/>, or null when the network holds no such file.</summary>
    public string? Resolve(string path)
    {
        var cleaned = Clean(path);
        if (cleaned is null) return null;
        var hit = Lookup(cleaned);
        if (hit is null) return null;
        return AncestorsAgree(cleaned, hit) ? hit : null;
    }

    /// <summary>Adds a repository path, walked from its file name up, each component lower-cased as the lookup lower-cases it.</summary>
    private void Insert(string path)
    {
        // The components of path.Split('/'), last first, without an array or a string per component.
        var node = root;
        var end = path.Length;
        while (true)
        {
            var slash = end == 0 ? -1 : path.LastIndexOf('/', end - 1);
            node = node.GetOrAddChild(path.AsSpan(slash + 1, end - slash - 1));
            if (slash < 0) break;
            end = slash;
        }
        node.AddFullPath(path);
    }

    private string? Lookup(string path)
    {
        var results = Walk(path.Split('/'));
        if (results.Count == 0) return null;
        if (results.Count == 1) return results[0];
        // Codecov's shortest-path branch needs a path starting with "/", which cleaning never leaves.
        return SequenceSimilarity.BestMatch(path, Enumerable.Reverse(results));
    }

    /// <summary>Codecov's <c>_recursive_lookup</c> written as a loop.</summary>
    private List<string> Walk(string[] components)
    {
        var results = new List<string>();
        var node = root;
        var atEnd = false;
        var matched = false;
        for (var i = components.Length - 1; i >= 0; i--)
        {
            if (node.Child(components[i].ToLowerInvariant()) is not { } child) break;
            node = child;
            matched = true;
            atEnd = child.FullPaths.Count > 0;
            if (atEnd) results = [.. child.FullPaths];
        }
        if (!atEnd && matched && Drill(node) is { } drilled) results.AddRange(drilled);
        return results;
    }

    /// <summary>Follows a branch with exactly one child per step to the first node where a repository path ends.</summary>
    private static IReadOnlyList<string>? Drill(Node node)
    {
        while (node.SoleChild is { } only)
        {
            node = only;
            if (node.FullPaths.Count > 0) return node.FullPaths;
        }
        return null;
    }

    /// <summary>Codecov's <c>_check_ancestors</c>: the file name and <see cref="Ancestors"/> parent folders must agree.</summary>
    private static bool AncestorsAgree(string path, string match)
    {
        var p = path.ToLowerInvariant();
        var m = match.ToLowerInvariant();
        if (p == m) return true;
        var pathParts = p.Split('/');
        if (m.Split('/').Length < pathParts.Length && p.EndsWith(m, StringComparison.Ordinal)) return true;
        var tail = string.Join('/', pathParts.Skip(Math.Max(0, pathParts.Length - (Ancestors + 1))));
        return m.EndsWith(tail, StringComparison.Ordinal);
    }

    /// <summary>The tree's own <c>_clean_path</c>: drop <c>**/</c> and carriage returns, unescape spaces, normalise.</summary>
    private static string? Clean(string path)
    {
        var p = path.Trim()
            .Replace("**/", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\\ ", " ", StringComparison.Ordinal)
            .Replace('\\', '/');
        return PathFixer.RelativeNormalize(p);
    }

    /// <summary>One path component; children and repository paths are made only when a node has some.</summary>
    private sealed class Node
    {
        private Dictionary<string, Node>? children;
        private List<string>? fullPaths;

        public IReadOnlyList<string> FullPaths => fullPaths ?? (IReadOnlyList<string>)[];

        public Node? Child(string key) => children is not null && children.TryGetValue(key, out var child) ? child : null;

        /// <summary>The only child, when there is exactly one.</summary>
        public Node? SoleChild => children is { Count: 1 } ? children.Values.First() : null;

        public void AddFullPath(string path) => (fullPaths ??= []).Add(path);

        /// <summary>The child for a component as written: lower-cased (<c>ToLowerInvariant</c>), and a string made only for a new key.</summary>
        public Node GetOrAddChild(ReadOnlySpan<char> component)
        {
            children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (component.ContainsAnyExceptInRange((char)0, (char)0x7F) || component.ContainsAnyInRange('A', 'Z'))
            {
                var key = component.ToString().ToLowerInvariant();
                if (!children.TryGetValue(key, out var keyed)) children[key] = keyed = new Node();
                return keyed;
            }
            var lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(component, out var child)) lookup[component] = child = new Node();
            return child;
        }
    }
}
