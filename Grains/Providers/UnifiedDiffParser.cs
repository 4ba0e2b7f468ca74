using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Providers;

/// <summary>
/// Reads unified diffs: a whole <c>git diff</c> (GitHub's <c>application/vnd.github.diff</c>) with
/// <see cref="Parse"/>, or the hunks-only <c>patch</c> of one file from the compare API with
/// <see cref="ParseSegments"/>. Hunk bodies are consumed by the header's line counts, so a removed
/// line that reads <c>-- x</c> is never taken for a <c>---</c> file header.
/// </summary>
public sealed partial class UnifiedDiffParser
{
    private const string DevNull = "/dev/null";

    public UnifiedDiff Parse(string diff)
    {
        var lines = SplitLines(diff);
        var files = new List<DiffFile>();
        FileDraft? draft = null;
        var index = 0;
        while (index < lines.Length)
        {
            var line = lines[index];
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush(draft, files);
                draft = FileDraft.FromGitHeader(line["diff --git ".Length..]);
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && (draft is null || draft.Segments.Count > 0))
            {
                // A plain (non-git) unified diff starts each file at its "---" line.
                Flush(draft, files);
                draft = new FileDraft();
                draft.ReadHeaderLine(line);
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal) && draft is not null)
            {
                draft.Segments.Add(ReadSegment(lines, ref index));
                continue;
            }
            else
            {
                draft?.ReadHeaderLine(line);
            }
            index++;
        }
        Flush(draft, files);
        return new UnifiedDiff(files);
    }

    /// <summary>The hunks of one file's patch (GitHub's compare API <c>files[].patch</c>).</summary>
    public IReadOnlyList<DiffSegment> ParseSegments(string patch)
    {
        var lines = SplitLines(patch);
        var segments = new List<DiffSegment>();
        var index = 0;
        while (index < lines.Length)
        {
            if (lines[index].StartsWith("@@", StringComparison.Ordinal))
            {
                segments.Add(ReadSegment(lines, ref index));
            }
            else
            {
                index++;
            }
        }
        return segments;
    }

    private static DiffSegment ReadSegment(string[] lines, ref int index)
    {
        var header = ParseHeader(lines[index]);
        index++;
        var baseLeft = header.BaseLength;
        var headLeft = header.HeadLength;
        var body = new List<DiffLine>();
        while (index < lines.Length && (baseLeft > 0 || headLeft > 0 || IsNoNewlineMarker(lines[index])))
        {
            var line = lines[index++];
            if (IsNoNewlineMarker(line))
            {
                continue;
            }
            // Some tools strip the single space of an empty context line.
            var kind = line.Length == 0 ? ' ' : line[0];
            var text = line.Length == 0 ? string.Empty : line[1..];
            switch (kind)
            {
                case '+':
                    headLeft--;
                    break;
                case '-':
                    baseLeft--;
                    break;
                case ' ':
                    baseLeft--;
                    headLeft--;
                    break;
                default:
                    // A truncated hunk: stop here rather than swallow the next file's header.
                    index--;
                    return new DiffSegment(header, body);
            }
            body.Add(new DiffLine(kind, text));
        }
        return new DiffSegment(header, body);
    }

    private static bool IsNoNewlineMarker(string line) => line.StartsWith('\\');

    private static DiffSegmentHeader ParseHeader(string line)
    {
        var match = HunkHeader().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Not a unified diff hunk header: '{line}'");
        }
        return new DiffSegmentHeader(
            Number(match.Groups["bs"]),
            match.Groups["bl"].Success ? Number(match.Groups["bl"]) : 1,
            Number(match.Groups["hs"]),
            match.Groups["hl"].Success ? Number(match.Groups["hl"]) : 1);
    }

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        // A trailing newline yields one empty element that is not an (empty) context line.
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static void Flush(FileDraft? draft, List<DiffFile> files)
    {
        if (draft?.ToFile() is { } file)
        {
            files.Add(file);
        }
    }

    [GeneratedRegex(@"^@@ -(?<bs>\d+)(,(?<bl>\d+))? \+(?<hs>\d+)(,(?<hl>\d+))? @@")]
    private static partial Regex HunkHeader();

    private sealed class FileDraft
    {
        private string? oldPath;
        private string? newPath;
        private bool isNew;
        private bool isDeleted;
        private bool isRenamed;
        private bool isBinary;

        public List<DiffSegment> Segments { get; } = [];

        public static FileDraft FromGitHeader(string paths)
        {
            var draft = new FileDraft();
            // "a/x b/x": without quoting, the two halves have equal length when the path did not change.
            if (paths.StartsWith("a/", StringComparison.Ordinal) && paths.Length % 2 == 1)
            {
                var half = paths.Length / 2;
                if (paths[half] == ' ' && paths[(half + 1)..].StartsWith("b/", StringComparison.Ordinal)
                    && paths[2..half] == paths[(half + 3)..])
                {
                    draft.oldPath = draft.newPath = paths[2..half];
                }
            }
            return draft;
        }

        public void ReadHeaderLine(string line)
        {
            if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                isNew = true;
            }
            else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                isDeleted = true;
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal))
            {
                isRenamed = true;
                oldPath = Unquote(line["rename from ".Length..]);
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                isRenamed = true;
                newPath = Unquote(line["rename to ".Length..]);
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line == "GIT binary patch")
            {
                isBinary = true;
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                ReadPathLine(line[4..], "a/", path => oldPath = path, () => isNew = true);
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                ReadPathLine(line[4..], "b/", path => newPath = path, () => isDeleted = true);
            }
        }

        public DiffFile? ToFile()
        {
            var path = isDeleted ? oldPath ?? newPath : newPath ?? oldPath;
            if (path is null)
            {
                return null;
            }
            var kind = isBinary ? DiffFileKind.Binary
                : isNew ? DiffFileKind.New
                : isDeleted ? DiffFileKind.Deleted
                : isRenamed ? DiffFileKind.Renamed
                : DiffFileKind.Modified;
            var previous = isRenamed && oldPath != path ? oldPath : null;
            return new DiffFile(path, previous, kind, Segments.ToArray());
        }

        private static void ReadPathLine(string value, string prefix, Action<string> setPath, Action onDevNull)
        {
            // Non-git diffs put a tab and a timestamp after the name.
            var tab = value.IndexOf('\t');
            var path = Unquote(tab >= 0 ? value[..tab] : value);
            if (path == DevNull)
            {
                onDevNull();
                return;
            }
            setPath(path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path);
        }

        private static string Unquote(string path) =>
            path.Length >= 2 && path[0] == '"' && path[^1] == '"'
                ? Regex.Unescape(path[1..^1])
                : path;
    }
}
