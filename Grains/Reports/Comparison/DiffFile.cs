namespace Codecov.Grains.Reports.Comparison;

/// <summary>How a file changed between base and head (Codecov's diff <c>type</c> plus <c>before</c>).</summary>
public enum DiffFileKind
{
    Modified,
    New,
    Deleted,
    Renamed,
}

/// <summary>
/// One hunk of a unified diff. <see cref="Lines"/> keep their first character
/// (<c>'+'</c>, <c>'-'</c> or <c>' '</c>); numbering follows Codecov's <c>header</c> (0 reads as 1).
/// </summary>
public sealed record DiffSegment(int BaseStart, int BaseLength, int HeadStart, int HeadLength, IReadOnlyList<string> Lines)
{
    /// <summary>Head line numbers of the <c>'+'</c> lines (shared <c>apply_diff</c> numbering: '-' lines are skipped).</summary>
    public IEnumerable<int> AddedHeadLines()
    {
        var head = HeadStart == 0 ? 1 : HeadStart;
        foreach (var line in Lines)
        {
            if (IsRemoved(line)) continue;
            if (IsAdded(line)) yield return head;
            head++;
        }
    }

    /// <summary>Base line numbers of the <c>'-'</c> lines.</summary>
    public IEnumerable<int> RemovedBaseLines()
    {
        var based = BaseStart == 0 ? 1 : BaseStart;
        foreach (var line in Lines)
        {
            if (IsAdded(line)) continue;
            if (IsRemoved(line)) yield return based;
            based++;
        }
    }

    internal static bool IsAdded(string line) => line.Length > 0 && line[0] == '+';

    internal static bool IsRemoved(string line) => line.Length > 0 && line[0] == '-';
}

/// <summary>A provider-neutral file of the base→head diff. <see cref="OldPath"/> is set for renames.</summary>
public sealed record DiffFile(string Path, string? OldPath, DiffFileKind Kind, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>The path the file had in the base report.</summary>
    public string BasePath => OldPath ?? Path;

    /// <summary>Only new and modified files count towards patch coverage (codecov-semantics §4 "Patch status").</summary>
    public bool CountsForPatch => Kind is DiffFileKind.New or DiffFileKind.Modified;

    public IReadOnlySet<int> AddedHeadLines() => Segments.SelectMany(s => s.AddedHeadLines()).ToHashSet();

    public IReadOnlySet<int> RemovedBaseLines() => Segments.SelectMany(s => s.RemovedBaseLines()).ToHashSet();
}
