namespace Codecov.Grains.Reports;

/// <summary>Codecov's line types: plain line, branch (<c>"b"</c>) or method (<c>"m"</c>).</summary>
public enum LineKind : byte
{
    Line = 0,
    Branch = 1,
    Method = 2,
}

/// <summary>Cyclomatic complexity as Codecov stores it: a single number, or (covered, total).</summary>
public readonly record struct Complexity(int Value, int? Total)
{
    public static Complexity Max(Complexity? a, Complexity? b)
    {
        if (a is null) return b ?? default;
        if (b is null) return a.Value;
        return new(Math.Max(a.Value.Value, b.Value.Value),
            a.Value.Total is null && b.Value.Total is null ? null : Math.Max(a.Value.Total ?? 0, b.Value.Total ?? 0));
    }
}

/// <summary>One upload's contribution to a line (Codecov's <c>LineSession</c>).</summary>
public sealed record LineSession(int SessionId, CoverageValue Coverage, MissingBranches Missing, Complexity? Complexity = null);

/// <summary>
/// One line of a file report. Its coverage is always derived from its sessions, as Codecov's
/// <c>get_coverage_from_sessions</c> does when a merged line is written.
/// </summary>
/// <remarks>
/// Seen from outside, a line never changes. Inside, the <see cref="FileReport"/> that owns a line
/// (<see cref="Owner"/>) merges later sessions into it in place, so merging N sessions costs O(N)
/// per line instead of copying every earlier session at each step. A line handed out or shared
/// loses its owner, and the next merge into it works on a copy.
/// </remarks>
public sealed class ReportLine
{
    // A single session, the common case, lives in 'first' without an array. A parser's fresh line
    // keeps even that session inline (id and missing branches here, coverage and complexity in the
    // derived fields it equals) until someone asks for it: one object per line instead of two.
    private LineSession? first;
    private int soleSessionId;
    private MissingBranches soleMissing;
    private LineSession[]? all;
    private int count;
    private CoverageValue coverage;
    private Complexity? complexity;
    private bool derivedStale;

    public ReportLine(LineKind kind, IEnumerable<LineSession> sessions)
    {
        Kind = kind;
        var array = sessions.ToArray();
        count = array.Length;
        first = count > 0 ? array[0] : null;
        if (count > 1) all = array;
        derivedStale = true;
    }

    /// <summary>One session's line: its coverage and complexity are the session's own, nothing to merge.</summary>
    public ReportLine(LineKind kind, LineSession session)
    {
        Kind = kind;
        first = session;
        count = 1;
        coverage = session.Coverage;
        complexity = session.Complexity;
    }

    /// <summary>One session's line without complexity, its session kept inline until asked for.</summary>
    internal ReportLine(LineKind kind, int sessionId, CoverageValue coverage, MissingBranches missing)
    {
        Kind = kind;
        soleSessionId = sessionId;
        soleMissing = missing;
        count = 1;
        this.coverage = coverage;
    }

    public LineKind Kind { get; private set; }

    /// <summary>The first session; an inline one is made an object (once) when first needed.</summary>
    private LineSession First => first ??= new LineSession(soleSessionId, coverage, soleMissing, complexity);

    public CoverageValue Coverage
    {
        get
        {
            if (derivedStale) Derive();
            return coverage;
        }
    }

    public Complexity? Complexity
    {
        get
        {
            if (derivedStale) Derive();
            return complexity;
        }
    }

    public IReadOnlyList<LineSession> Sessions => count switch
    {
        0 => [],
        1 => [First],
        _ => new ArraySegment<LineSession>(all!, 0, count),
    };

    public LineType Type => Coverage.Type;

    internal int SessionCount => count;

    internal LineSession SessionAt(int index) => count == 1 ? First : all![index];

    internal int SessionIdAt(int index) => count == 1 ? first?.SessionId ?? soleSessionId : all![index].SessionId;

    /// <summary>The file that may merge into this line in place; null once the line is shared.</summary>
    internal FileReport? Owner { get; set; }

    /// <summary>Codecov's <c>merge_line</c>: sessions with the same id merge, others are appended.</summary>
    public static ReportLine Merge(ReportLine before, ReportLine after)
    {
        var merged = before.Copy();
        merged.MergeInPlace(after, sameIdsPossible: true);
        return merged;
    }

    /// <summary>A copy without the given sessions, or null when none remain.</summary>
    public ReportLine? Without(IReadOnlySet<int> sessionIds)
    {
        var remaining = new List<LineSession>(count);
        for (var i = 0; i < count; i++)
        {
            var session = SessionAt(i);
            if (!sessionIds.Contains(session.SessionId)) remaining.Add(session);
        }
        if (remaining.Count == count) return this;
        return remaining.Count == 0 ? null : new ReportLine(Kind, remaining);
    }

    /// <summary>An unshared copy that merges may change in place.</summary>
    internal ReportLine Copy()
    {
        var copy = (ReportLine)MemberwiseClone();
        if (all is not null)
        {
            copy.all = new LineSession[Math.Max(count, 4)];
            Array.Copy(all, copy.all, count);
        }
        copy.Owner = null;
        return copy;
    }

    /// <summary>
    /// <see cref="Merge"/> into this line. <paramref name="sameIdsPossible"/> false promises that no
    /// session of <paramref name="after"/> is already on this line, which skips the per-session search.
    /// </summary>
    internal void MergeInPlace(ReportLine after, bool sameIdsPossible)
    {
        if (Kind == LineKind.Line) Kind = after.Kind;
        if (sameIdsPossible && after.first is null && after.count == 1
            && TryMergeSameSessionInline(after.soleSessionId, after.coverage, after.soleMissing, after.complexity)) return;
        for (var i = 0; i < after.count; i++)
        {
            var session = after.SessionAt(i);
            var index = sameIdsPossible ? IndexOf(session.SessionId) : -1;
            if (index < 0) Add(session);
            else if (all is null) first = MergeSameSession(First, session);
            else
            {
                all[index] = MergeSameSession(all[index], session);
                first = all[0];
            }
        }
        // Codecov recomputes the line's coverage from all its sessions (merge_all over
        // merge_missed_branches); it is derived once, when next read, not at every merge.
        derivedStale = true;
    }

    /// <summary>
    /// <see cref="MergeInPlace"/> of one session's values without a line object for them; false
    /// (nothing changed) unless this line is that same session's, held inline.
    /// </summary>
    internal bool TryMergeInline(LineKind kind, int sessionId, CoverageValue value, MissingBranches missing)
    {
        if (first is not null || count != 1 || soleSessionId != sessionId || complexity is not null) return false;
        if (Kind == LineKind.Line) Kind = kind;
        return TryMergeSameSessionInline(sessionId, value, missing, null);
    }

    private bool TryMergeSameSessionInline(int sessionId, CoverageValue value, MissingBranches missing, Complexity? valueComplexity)
    {
        if (first is not null || count != 1 || soleSessionId != sessionId || complexity is not null || valueComplexity is not null) return false;
        // Two records of one upload on a line held inline: merged as MergeSameSession merges them;
        // the line's coverage is that one session's, so nothing is left to derive.
        var merged = MergeMissing(coverage, soleMissing, value, missing);
        coverage = CoverageMerge.Merge(coverage, value, merged);
        soleMissing = merged;
        return true;
    }

    private void Add(LineSession session)
    {
        if (count == 0)
        {
            first = session;
            count = 1;
            return;
        }
        if (all is null)
        {
            all = new LineSession[4];
            all[0] = First;
        }
        else if (count == all.Length) Array.Resize(ref all, count * 2);
        all[count++] = session;
    }

    private int IndexOf(int sessionId)
    {
        if (count == 1) return SessionIdAt(0) == sessionId ? 0 : -1;
        for (var i = 0; i < count; i++)
            if (all![i].SessionId == sessionId) return i;
        return -1;
    }

    private void Derive()
    {
        coverage = ComputeCoverage();
        complexity = ComputeComplexity();
        derivedStale = false;
    }

    /// <summary>Codecov's <c>merge_line_session</c>: two records of the same upload on one line.</summary>
    private static LineSession MergeSameSession(LineSession a, LineSession b)
    {
        var missing = MergeMissing(a.Coverage, a.Missing, b.Coverage, b.Missing);
        var complexity = a.Complexity is null && b.Complexity is null ? (Complexity?)null : Reports.Complexity.Max(a.Complexity, b.Complexity);
        return new LineSession(a.SessionId, CoverageMerge.Merge(a.Coverage, b.Coverage, missing), missing, complexity);
    }

    /// <summary>The missing branches of two records of one session: a hit without branch data means none are missing.</summary>
    private static MissingBranches MergeMissing(CoverageValue a, MissingBranches aMissing, CoverageValue b, MissingBranches bMissing)
    {
        if (!aMissing.IsKnown && !bMissing.IsKnown) return MissingBranches.Unknown;
        if (!aMissing.IsKnown) return a.Type == LineType.Hit ? MissingBranches.None : bMissing;
        if (!bMissing.IsKnown) return b.Type == LineType.Hit ? MissingBranches.None : aMissing;
        return aMissing.Intersect(bMissing);
    }

    /// <summary>Codecov's <c>merge_missed_branches</c>: the intersection over sessions; a hit without branch data ends it.</summary>
    private MissingBranches MissedBranches()
    {
        var anyKnown = false;
        for (var i = 0; i < count && !anyKnown; i++) anyKnown = SessionAt(i).Missing.IsKnown;
        if (!anyKnown) return MissingBranches.Unknown;
        HashSet<string>? missed = null;
        for (var i = 0; i < count; i++)
        {
            var session = SessionAt(i);
            if (!session.Missing.IsKnown)
            {
                if (session.Coverage.Type == LineType.Hit) return MissingBranches.None;
                continue;
            }
            if (missed is null) missed = new HashSet<string>(session.Missing.Ids!);
            else
            {
                missed.IntersectWith(session.Missing.Ids!);
                if (missed.Count == 0) return MissingBranches.None;
            }
        }
        return missed is null ? MissingBranches.Unknown : new MissingBranches(missed.ToArray());
    }

    private CoverageValue ComputeCoverage()
    {
        if (count == 0) return CoverageValue.None;
        if (count == 1) return First.Coverage;
        // merge_all folds every value with the same missing-branch knowledge.
        var missing = MissedBranches();
        var result = all![0].Coverage;
        for (var i = 1; i < count; i++) result = CoverageMerge.Merge(result, all[i].Coverage, missing);
        return result;
    }

    private Complexity? ComputeComplexity()
    {
        Complexity? result = null;
        for (var i = 0; i < count; i++)
        {
            var c = SessionAt(i).Complexity;
            if (c is not null) result = Reports.Complexity.Max(result, c);
        }
        return result;
    }
}
