using Codecov.Grains.Providers;
using Comparison = Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications;

/// <summary>The provider's diff as the comparison reads it (binary files carry no lines and are left out).</summary>
public static class DiffMapping
{
    public static IReadOnlyList<Comparison.DiffFile> ToComparison(UnifiedDiff diff) =>
        diff.Files
            .Where(f => f.Kind != DiffFileKind.Binary)
            .Select(f => new Comparison.DiffFile(f.Path, f.OldPath, Kind(f.Kind), f.Segments.Select(Segment).ToList()))
            .ToList();

    private static Comparison.DiffFileKind Kind(DiffFileKind kind) => kind switch
    {
        DiffFileKind.New => Comparison.DiffFileKind.New,
        DiffFileKind.Deleted => Comparison.DiffFileKind.Deleted,
        DiffFileKind.Renamed => Comparison.DiffFileKind.Renamed,
        _ => Comparison.DiffFileKind.Modified,
    };

    private static Comparison.DiffSegment Segment(DiffSegment s) => new(
        s.Header.BaseStart, s.Header.BaseLength, s.Header.HeadStart, s.Header.HeadLength,
        s.Lines.Select(l => l.Kind + l.Text).ToList());
}
