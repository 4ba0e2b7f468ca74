using System.Text.RegularExpressions;

namespace Codecov.Benchmarks.Inputs;

/// <summary>
/// A piece of report text split once into literal runs and the file paths inside it, so that each
/// copy is written by renaming the paths only (thousands of copies without re-running a regex).
/// </summary>
public sealed class CopyTemplate
{
    private readonly List<(string Literal, string? Path)> pieces = [];
    private readonly Func<string, int, string> rename;

    /// <param name="text">The text to repeat.</param>
    /// <param name="paths">A pattern whose group <c>path</c> is a file path to rename per copy.</param>
    /// <param name="rename">The path of copy k.</param>
    public CopyTemplate(string text, Regex paths, Func<string, int, string> rename)
    {
        this.rename = rename;
        var at = 0;
        foreach (Match match in paths.Matches(text))
        {
            var group = match.Groups["path"];
            pieces.Add((text[at..group.Index], group.Value));
            at = group.Index + group.Length;
        }
        pieces.Add((text[at..], null));
    }

    public int PathCount => pieces.Count - 1;

    public void Write(TextWriter output, int copy)
    {
        foreach (var (literal, path) in pieces)
        {
            output.Write(literal);
            if (path is not null) output.Write(rename(path, copy));
        }
    }
}
