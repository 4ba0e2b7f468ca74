namespace Codecov.Grains.Yaml;

/// <summary>
/// Where Codecov looks for the repository's codecov.yml (shared <c>yaml/fetcher.py</c>,
/// codecov-semantics §2 "Where the file is found"): first the root, then <c>dev/</c> and <c>.github/</c>.
/// </summary>
public static class CodecovYamlLocations
{
    public static IReadOnlyList<string> FileNames { get; } = ["codecov.yml", ".codecov.yml", "codecov.yaml", ".codecov.yaml"];

    /// <summary>
    /// Codecov iterates a Python set here, so its order between the two is unspecified; we fix
    /// <c>dev</c> before <c>.github</c> so the answer is deterministic.
    /// </summary>
    public static IReadOnlyList<string> Folders { get; } = ["dev", ".github"];

    /// <summary>
    /// <c>_search_among_files</c> walks the provider's listing in its own order and takes the first
    /// file whose name is any of <see cref="FileNames"/>; it does not prefer one name over another.
    /// </summary>
    public static string? FindIn(IEnumerable<string> listedPaths) =>
        listedPaths.FirstOrDefault(p => FileNames.Contains(p.Split('/')[^1], StringComparer.Ordinal));

    /// <summary>
    /// <c>determine_commit_yaml_location</c>: a match among the root's files wins; otherwise each
    /// existing folder of <see cref="Folders"/> is listed in turn.
    /// </summary>
    public static async Task<string?> LocateAsync(
        IReadOnlyList<(string Path, bool IsFolder)> rootEntries,
        Func<string, Task<IReadOnlyList<string>>> listFolder)
    {
        var atRoot = FindIn(rootEntries.Where(e => !e.IsFolder).Select(e => e.Path));
        if (atRoot is not null) return atRoot;
        var folders = rootEntries.Where(e => e.IsFolder).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Folders.Where(folders.Contains))
        {
            if (FindIn(await listFolder(folder)) is { } found) return found;
        }
        return null;
    }

    /// <summary>Every candidate path in search order, for providers that can only fetch by path.</summary>
    public static IEnumerable<string> CandidatePaths() =>
        FileNames.Concat(Folders.SelectMany(folder => FileNames.Select(name => folder + "/" + name)));
}
