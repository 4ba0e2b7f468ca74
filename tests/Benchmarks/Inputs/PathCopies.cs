namespace Codecov.Benchmarks.Inputs;

/// <summary>
/// How a scaled report names the k-th copy of a file: a folder <c>cNNN</c> inserted before the file
/// name, in the report and in the network list alike, so path fixing resolves every copy exactly
/// as it resolves the original.
/// </summary>
public static class PathCopies
{
    public static string Folder(int copy) => $"c{copy:D3}";

    /// <summary><c>/a/b/x.c</c> → <c>/a/b/c007/x.c</c>; <c>x.c</c> → <c>c007/x.c</c>.</summary>
    public static string InFolder(string path, int copy)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? $"{Folder(copy)}/{path}" : $"{path[..(slash + 1)]}{Folder(copy)}/{path[(slash + 1)..]}";
    }

    /// <summary>A package folder (JaCoCo's <c>package name</c>) gains the copy folder at its end.</summary>
    public static string Subfolder(string folder, int copy) => folder.Length == 0 ? Folder(copy) : $"{folder}/{Folder(copy)}";

    public static IReadOnlyList<string> Network(IReadOnlyList<string> original, int copies)
    {
        var network = new List<string>(original.Count * copies);
        for (var copy = 0; copy < copies; copy++)
            foreach (var path in original) network.Add(InFolder(path, copy));
        return network;
    }
}
