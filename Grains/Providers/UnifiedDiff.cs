namespace Codecov.Grains.Providers;

public enum DiffFileKind
{
    Modified,
    New,
    Deleted,
    Renamed,
    Binary,
}

/// <summary>
/// A hunk header <c>@@ -baseStart,baseLength +headStart,headLength @@</c>; a length left out of the
/// header means 1, as in unified diff.
/// </summary>
public sealed record DiffSegmentHeader(int BaseStart, int BaseLength, int HeadStart, int HeadLength);

/// <summary>One diff line: <see cref="Kind"/> is '+', '-' or ' '; <see cref="Text"/> is the line without its marker.</summary>
public sealed record DiffLine(char Kind, string Text);

public sealed record DiffSegment(DiffSegmentHeader Header, IReadOnlyList<DiffLine> Lines)
{
    /// <summary>Head line numbers of added lines: the lines patch coverage looks at (codecov-semantics §5).</summary>
    public IEnumerable<int> AddedHeadLines()
    {
        var head = Header.HeadStart;
        foreach (var line in Lines)
        {
            if (line.Kind == '+')
            {
                yield return head;
            }
            if (line.Kind != '-')
            {
                head++;
            }
        }
    }
}

/// <summary>One file of a diff. <see cref="OldPath"/> is set for renames; binary files have no segments.</summary>
public sealed record DiffFile(string Path, string? OldPath, DiffFileKind Kind, IReadOnlyList<DiffSegment> Segments);

/// <summary>A parsed head-versus-base diff, provider-neutral.</summary>
public sealed record UnifiedDiff(IReadOnlyList<DiffFile> Files)
{
    public static UnifiedDiff Empty { get; } = new([]);

    public DiffFile? Find(string path) => Files.FirstOrDefault(f => f.Path == path);
}
