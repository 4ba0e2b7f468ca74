using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Queries;

namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// A <see cref="CoverageComparison"/> as API v2's comparison shows it (codecov-api <c>services/comparison.py</c>):
/// one entry per head file with its base file (across a rename), patch totals, changes outside the
/// diff and the diff's hunks with coverage on both sides; per-flag totals for the flags that were uploaded.
/// </summary>
public static class ComparisonView
{
    public static ComparisonResult Of(CoverageComparison comparison, IReadOnlyList<ComponentDefinition>? components = null)
    {
        var headReport = comparison.Head.Report;
        var baseReport = comparison.Base.Report;
        var diffs = comparison.Diff.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = (comparison.Changes ?? []).GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var files = headReport is null
            ? []
            : headReport.Files.Where(f => f.HasCoverage).Select(f => File(comparison, f, diffs.GetValueOrDefault(f.Path), changes.GetValueOrDefault(f.Path))).ToList();
        var untracked = comparison.Diff
            .Where(d => headReport?[d.Path] is null && baseReport?[d.BasePath] is null)
            .Select(d => d.Path)
            .ToList();
        return new ComparisonResult(comparison.Base.Sha ?? "", comparison.Head.Sha ?? "", comparison.Base.Totals, comparison.Head.Totals,
            comparison.Patch.Totals, files, Flags(comparison), untracked, Components(comparison, components ?? []));
    }

    /// <summary>Codecov's <c>ComponentComparison</c>: the comparison restricted to each component's flags and paths.</summary>
    private static IReadOnlyList<ComponentComparison> Components(CoverageComparison comparison, IReadOnlyList<ComponentDefinition> components) =>
        components.Select(c =>
        {
            var filtered = comparison.Filtered(c.Flags, c.Paths);
            return new ComponentComparison(c.Id ?? c.Name, c.Name, filtered.Base.Totals, filtered.Head.Totals, filtered.Patch.Totals);
        }).ToList();

    private static FileComparison File(CoverageComparison comparison, FileReport head, DiffFile? diff, CoverageChange? change)
    {
        var baseFile = comparison.Base.Report?[diff?.BasePath ?? head.Path];
        var lines = diff?.Segments.SelectMany(s => s.Lines).ToList() ?? [];
        return new FileComparison(
            baseFile?.Path, head.Path, baseFile is null ? null : baseFile.Totals with { Files = 1 }, head.Totals with { Files = 1 },
            comparison.Patch.Files.GetValueOrDefault(head.Path),
            diff is not null,
            lines.Count(DiffSegment.IsAdded),
            lines.Count(DiffSegment.IsRemoved),
            change is { HasTotals: true } ? new ChangeSummary(change.Hits, change.Misses, change.Partials) : null,
            diff?.Segments.Select(s => Hunk(s, baseFile, head)).ToList() ?? []);
    }

    /// <summary>Numbers each hunk line on both sides: '+' lines have no base number, '-' lines no head number.</summary>
    private static DiffHunk Hunk(DiffSegment segment, FileReport? baseFile, FileReport head)
    {
        int based = Math.Max(1, segment.BaseStart), headed = Math.Max(1, segment.HeadStart);
        var lines = new List<ComparedLine>(segment.Lines.Count);
        foreach (var value in segment.Lines)
        {
            int? b = DiffSegment.IsAdded(value) ? null : based++;
            int? h = DiffSegment.IsRemoved(value) ? null : headed++;
            var headLine = h is { } hn ? head[hn] : null;
            lines.Add(new ComparedLine(value, b, h, Type(b is { } bn ? baseFile?[bn] : null), Type(headLine),
                headLine?.Sessions.Count(s => s.Coverage.Type == LineType.Hit)));
        }
        return new DiffHunk(segment.BaseStart, segment.BaseLength, segment.HeadStart, segment.HeadLength, lines);
    }

    private static int? Type(ReportLine? line) =>
        line?.Type is LineType.Hit or LineType.Miss or LineType.Partial ? (int)line.Type : null;

    /// <summary>Codecov's <c>non_carried_forward_flags</c>, each compared on its own sessions.</summary>
    private static IReadOnlyList<FlagComparison> Flags(CoverageComparison comparison)
    {
        var flags = comparison.Head.Flags;
        return flags.AllFlags()
            .Where(flag => !flags.CarryForwardOf(flag).CarriedForward)
            .Select(flag =>
            {
                var filtered = comparison.Filtered([flag], []);
                return new FlagComparison(flag, filtered.Base.Totals, filtered.Head.Totals, filtered.Patch.Totals);
            })
            .ToList();
    }
}
