namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// A coverage change not explained by the diff (worker <c>services/comparison/changes.py</c> <c>Change</c>).
/// <see cref="Hits"/>, <see cref="Misses"/> and <see cref="Partials"/> are head minus base over the changed lines.
/// </summary>
public sealed record CoverageChange(string Path, bool New, bool Deleted, bool InDiff, string? OldPath, int Hits, int Misses, int Partials, bool HasTotals, int ChangedLines = 0)
{
    /// <summary>Codecov's <c>is_a_change_worth_noting</c>: an existing file that gained misses or partials (§4 "Changes status").</summary>
    public bool IsWorthNoting => !New && !Deleted && HasTotals && Misses + Partials > 0;
}

/// <summary>Codecov's <c>get_changes</c>: coverage that changed between base and head outside the diff.</summary>
public static class IndirectChanges
{
    public static IReadOnlyList<CoverageChange> Find(CoverageReport baseReport, CoverageReport head, IReadOnlyList<DiffFile> diff)
    {
        var byPath = diff.GroupBy(d => d.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var baseFiles = baseReport.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var headFiles = head.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var moved = diff.Where(d => d.OldPath is not null).Select(d => d.OldPath!).ToHashSet(StringComparer.Ordinal);
        var missing = baseFiles.Except(headFiles).Except(byPath.Keys).Except(moved).ToHashSet(StringComparer.Ordinal);
        var added = headFiles.Except(baseFiles).Except(byPath.Keys).Except(moved).ToHashSet(StringComparer.Ordinal);

        var changes = new List<CoverageChange>();
        foreach (var file in head.Files)
        {
            if (missing.Contains(file.Path) || added.Contains(file.Path)) continue;
            var fileDiff = byPath.GetValueOrDefault(file.Path);
            var baseFile = baseReport[fileDiff?.BasePath ?? file.Path];
            if (baseFile is null)
            {
                if (fileDiff is null) { added.Add(file.Path); continue; }
                if (fileDiff.Kind == DiffFileKind.New) continue;
                var additions = SegmentOffsets.Of(fileDiff.Segments).Additions;
                if (file.Lines.Any(l => !additions.Contains(l.Key))) { added.Add(file.Path); continue; }
            }
            var change = CompareLines(baseFile, file, fileDiff);
            if (change is not null) changes.Add(change);
        }
        changes.AddRange(VanishedFiles(baseReport, head, diff));
        changes.AddRange(missing.Order(StringComparer.Ordinal).Select(p => new CoverageChange(p, false, true, false, null, 0, 0, 0, false)));
        changes.AddRange(added.Order(StringComparer.Ordinal).Select(p => new CoverageChange(p, true, false, false, null, 0, 0, 0, false)));
        return changes;
    }

    private static CoverageChange? CompareLines(FileReport? baseFile, FileReport headFile, DiffFile? diff)
    {
        var pairs = ChangedLines(baseFile, headFile, diff).ToList();
        if (pairs.Count == 0) return null;
        var before = Count(pairs.Select(p => p.Base));
        var after = Count(pairs.Select(p => p.Head));
        // diff_totals: equal totals mean "same same" (no totals); otherwise head minus base.
        var same = before == after;
        return new CoverageChange(headFile.Path, false, false, diff is not null, diff?.OldPath,
            after.Hits - before.Hits, after.Misses - before.Misses, after.Partials - before.Partials, !same, pairs.Count);
    }

    private static (int Hits, int Misses, int Partials) Count(IEnumerable<LineType?> types)
    {
        int h = 0, m = 0, p = 0;
        foreach (var t in types)
        {
            if (t == LineType.Hit) h++;
            else if (t == LineType.Miss) m++;
            else if (t == LineType.Partial) p++;
        }
        return (h, m, p);
    }

    /// <summary>Codecov's <c>iter_changed_lines</c>: lines outside the diff whose line type differs, appeared or vanished.</summary>
    private static IEnumerable<(LineType? Base, LineType? Head)> ChangedLines(FileReport? baseFile, FileReport headFile, DiffFile? diff)
    {
        if (diff is not null && diff.Kind is DiffFileKind.New or DiffFileKind.Deleted) yield break;
        var offsets = diff is null ? SegmentOffsets.Empty : SegmentOffsets.Of(diff.Segments);
        var baseEof = baseFile is null ? 0 : Eof(baseFile);
        var last = Math.Max(Math.Max(baseEof, baseEof + offsets.Additions.Count - offsets.Removals.Count), Eof(headFile));
        var baseLn = 0;
        for (var ln = 1; ln <= last; ln++)
        {
            if (offsets.Shifts.Count > 0)
            {
                baseLn += 1 + offsets.Shifts.GetValueOrDefault(ln);
            }
            if (offsets.Additions.Contains(ln)) continue;
            var baseLine = baseFile?[baseLn != 0 ? baseLn : ln];
            var headLine = headFile[ln];
            if (baseLine is not null)
            {
                if (headLine is null) yield return (baseLine.Type, null);
                else if (baseLine.Type != headLine.Type) yield return (baseLine.Type, headLine.Type);
            }
            else if (headLine is not null) yield return (null, headLine.Type);
        }
    }

    /// <summary>Files in the diff that vanished from head without the diff removing all their lines.</summary>
    private static IEnumerable<CoverageChange> VanishedFiles(CoverageReport baseReport, CoverageReport head, IReadOnlyList<DiffFile> diff)
    {
        foreach (var file in diff)
        {
            if (head[file.Path] is not null || baseReport[file.BasePath] is not { } baseFile) continue;
            if (file.Kind == DiffFileKind.Deleted) continue;
            var removed = SegmentOffsets.Of(file.Segments).Removals;
            if (baseFile.Lines.Any(l => !removed.Contains(l.Key)))
                yield return new CoverageChange(file.Path, false, true, true, null, 0, 0, 0, false);
        }
    }

    private static int Eof(FileReport file) => file.Count == 0 ? 0 : file.Lines.Max(l => l.Key);
}

/// <summary>Codecov's <c>get_segment_offsets</c>: head→base line shifts, added head lines and removed base lines.</summary>
internal sealed record SegmentOffsets(IReadOnlyDictionary<int, int> Shifts, IReadOnlySet<int> Additions, IReadOnlySet<int> Removals)
{
    public static SegmentOffsets Empty { get; } = new(new Dictionary<int, int>(), new HashSet<int>(), new HashSet<int>());

    public static SegmentOffsets Of(IReadOnlyList<DiffSegment> segments)
    {
        var shifts = new Dictionary<int, int>();
        var additions = new HashSet<int>();
        var removals = new HashSet<int>();
        foreach (var segment in segments)
        {
            var start = segment.HeadStart == 0 ? 1 : segment.HeadStart;
            var baseStart = segment.BaseStart == 0 ? 1 : segment.BaseStart;
            var startingDiff = start - baseStart;
            int offsetL = 0, offsetR = 0, ln = start;
            foreach (var line in segment.Lines)
            {
                if (DiffSegment.IsRemoved(line))
                {
                    removals.Add(ln + offsetL - startingDiff);
                    shifts[ln + offsetR] = shifts.GetValueOrDefault(ln + offsetR) + 1;
                    offsetR--;
                }
                else if (DiffSegment.IsAdded(line))
                {
                    additions.Add(ln + offsetR);
                    shifts[ln + offsetR] = shifts.GetValueOrDefault(ln + offsetR) - 1;
                    offsetL--;
                }
                ln++;
            }
        }
        return new SegmentOffsets(shifts.Where(kv => kv.Value != 0).ToDictionary(), additions, removals);
    }
}
