namespace Codecov.Grains.Reports.Comparison;

/// <summary>One side of a comparison: a commit and its report, when there is one.</summary>
public sealed record ComparedCommit(string? Sha, CoverageReport? Report, SessionFlags Flags)
{
    public ReportTotals? Totals => Report?.Totals;

    /// <summary>Codecov's <c>commitid[:7]</c>.</summary>
    public string ShortSha => Sha is null ? "" : Sha[..Math.Min(7, Sha.Length)];
}

/// <summary>Base lines the diff removed, by type (the impacted-files <c>removed_diff_coverage</c>).</summary>
public readonly record struct RemovedCoverage(int Hits, int Misses, int Partials)
{
    public int Lines => Hits + Misses + Partials;
}

/// <summary>
/// Base against head with the diff between them (worker <c>ComparisonProxy</c>): patch totals,
/// indirect changes and removed code, optionally filtered by flags and paths.
/// </summary>
public sealed class CoverageComparison(ComparedCommit baseCommit, ComparedCommit head, IReadOnlyList<DiffFile> diff)
{
    private PatchCoverage? patch;
    private IReadOnlyList<CoverageChange>? changes;

    public ComparedCommit Base { get; } = baseCommit;
    public ComparedCommit Head { get; } = head;
    public IReadOnlyList<DiffFile> Diff { get; } = diff;

    public bool HasBaseReport => Base.Report is not null;
    public bool HasHeadReport => Head.Report is not null;

    /// <summary>Patch totals over the diff (§4 "Patch status"); empty totals without a head report.</summary>
    public PatchCoverage Patch => patch ??= Head.Report is null
        ? new PatchCoverage(LineTotals.Sum([]), new Dictionary<string, ReportTotals>())
        : PatchCoverage.Of(Head.Report, Diff);

    /// <summary>Codecov's <c>get_changes</c>; null when either report is missing.</summary>
    public IReadOnlyList<CoverageChange>? Changes =>
        Base.Report is null || Head.Report is null ? null : changes ??= IndirectChanges.Find(Base.Report, Head.Report, Diff);

    /// <summary>Changes that flag the changes status and the comment's indirect-changes line.</summary>
    public IReadOnlyList<CoverageChange> NotableChanges => Changes?.Where(c => c.IsWorthNoting).ToList() ?? [];

    /// <summary>Whether any line outside the diff changed type (the impacted files' <c>unexpected_line_changes</c>).</summary>
    public bool HasUnexpectedLineChanges => Changes?.Any(c => !c.New && !c.Deleted && c.ChangedLines > 0) ?? false;

    /// <summary>Covered, missed and partial base lines that the diff removed.</summary>
    public RemovedCoverage Removed()
    {
        if (Base.Report is null) return default;
        int h = 0, m = 0, p = 0;
        foreach (var file in Diff)
        {
            if (file.Kind == DiffFileKind.New || Base.Report[file.BasePath] is not { } baseFile) continue;
            foreach (var number in file.RemovedBaseLines())
            {
                switch (baseFile[number]?.Type)
                {
                    case LineType.Hit: h++; break;
                    case LineType.Miss: m++; break;
                    case LineType.Partial: p++; break;
                }
            }
        }
        return new RemovedCoverage(h, m, p);
    }

    /// <summary>The comparison restricted to sessions with <paramref name="flags"/> and files matching <paramref name="paths"/>.</summary>
    public CoverageComparison Filtered(IReadOnlyList<string> flags, IReadOnlyList<string> paths)
    {
        if (flags.Count == 0 && paths.Count == 0) return this;
        return new CoverageComparison(Filter(Base, flags, paths), Filter(Head, flags, paths), Diff);
    }

    private static ComparedCommit Filter(ComparedCommit side, IReadOnlyList<string> flags, IReadOnlyList<string> paths) =>
        side.Report is null ? side : side with { Report = ReportFilter.Apply(side.Report, side.Flags, flags, paths) };
}
