namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// Moves a file's line numbers from the base of a diff to its head (Codecov's
/// <c>shift_lines_by_diff</c>, used when carrying coverage forward): lines before a hunk move by the
/// hunks above them, context lines inside a hunk follow the hunk, removed lines disappear.
/// </summary>
public static class LineShift
{
    /// <summary>The head line of <paramref name="baseLine"/>, or null when the diff removed it.</summary>
    public static int? Map(DiffFile file, int baseLine)
    {
        var delta = 0;
        foreach (var segment in file.Segments.OrderBy(s => s.BaseStart))
        {
            var baseStart = segment.BaseStart == 0 ? 1 : segment.BaseStart;
            if (baseLine < baseStart) break;
            if (baseLine < baseStart + segment.BaseLength) return InHunk(segment, baseStart, baseLine);
            delta = segment.HeadStart + segment.HeadLength - (baseStart + segment.BaseLength);
        }
        return baseLine + delta;
    }

    private static int? InHunk(DiffSegment segment, int baseStart, int baseLine)
    {
        int based = baseStart, head = segment.HeadStart == 0 ? 1 : segment.HeadStart;
        foreach (var line in segment.Lines)
        {
            if (DiffSegment.IsAdded(line)) { head++; continue; }
            if (based == baseLine) return DiffSegment.IsRemoved(line) ? null : head;
            based++;
            if (!DiffSegment.IsRemoved(line)) head++;
        }
        return null;
    }

    /// <summary>A copy of <paramref name="file"/> with every line moved to its head position.</summary>
    public static FileReport Apply(FileReport file, DiffFile diff)
    {
        var shifted = new FileReport(diff.Path);
        foreach (var (number, line) in file.Lines)
            if (Map(diff, number) is { } moved) shifted.Append(moved, line);
        return shifted;
    }
}
