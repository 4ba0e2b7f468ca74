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
public sealed class ReportLine
{
    // An array, not a list: lines are immutable and there is one of these per line per report.
    private readonly LineSession[] sessions;

    public ReportLine(LineKind kind, IEnumerable<LineSession> sessions)
        : this(kind, sessions.ToArray())
    {
    }

    /// <summary>One session's line: its coverage and complexity are the session's own, nothing to merge.</summary>
    public ReportLine(LineKind kind, LineSession session)
    {
        Kind = kind;
        sessions = [session];
        Coverage = session.Coverage;
        Complexity = session.Complexity;
        BranchesKnown = session.Missing.IsKnown;
    }

    private ReportLine(LineKind kind, LineSession[] sessions, CoverageValue? coverage = null)
    {
        Kind = kind;
        this.sessions = sessions;
        Coverage = coverage ?? ComputeCoverage(sessions);
        Complexity = ComputeComplexity(sessions);
        BranchesKnown = AnyBranchesKnown(sessions);
    }

    public LineKind Kind { get; }
    public CoverageValue Coverage { get; }
    public Complexity? Complexity { get; }
    public IReadOnlyList<LineSession> Sessions => sessions;

    public LineType Type => Coverage.Type;

    /// <summary>Whether any session knows its missing branches (then merging takes their intersection).</summary>
    private bool BranchesKnown { get; }

    /// <summary>Codecov's <c>merge_line</c>: sessions with the same id merge, others are appended.</summary>
    public static ReportLine Merge(ReportLine before, ReportLine after)
    {
        var merged = new LineSession[before.sessions.Length + after.sessions.Length];
        before.sessions.CopyTo(merged, 0);
        var count = before.sessions.Length;
        var appendedOnly = true;
        foreach (var session in after.sessions)
        {
            var index = IndexOf(merged, count, session.SessionId);
            if (index < 0) merged[count++] = session;
            else
            {
                merged[index] = MergeSameSession(merged[index], session);
                appendedOnly = false;
            }
        }
        if (count < merged.Length) Array.Resize(ref merged, count);
        var kind = before.Kind != LineKind.Line ? before.Kind : after.Kind;
        if (!appendedOnly || before.BranchesKnown || after.BranchesKnown) return new ReportLine(kind, merged);

        // No session knows missing branches, so Codecov's merge_all folds every value with the same
        // "unknown" and the merged list is before's then after's: continue the fold from before's result.
        var coverage = before.Coverage;
        foreach (var session in after.sessions) coverage = CoverageMerge.Merge(coverage, session.Coverage, MissingBranches.Unknown);
        return new ReportLine(kind, merged, coverage);
    }

    /// <summary>A copy without the given sessions, or null when none remain.</summary>
    public ReportLine? Without(IReadOnlySet<int> sessionIds)
    {
        if (!sessions.Any(s => sessionIds.Contains(s.SessionId))) return this;
        var remaining = sessions.Where(s => !sessionIds.Contains(s.SessionId)).ToList();
        return remaining.Count == 0 ? null : new ReportLine(Kind, remaining);
    }

    /// <summary>Codecov's <c>merge_line_session</c>: two records of the same upload on one line.</summary>
    private static LineSession MergeSameSession(LineSession a, LineSession b)
    {
        MissingBranches missing;
        if (!a.Missing.IsKnown && !b.Missing.IsKnown) missing = MissingBranches.Unknown;
        else if (!a.Missing.IsKnown) missing = a.Coverage.Type == LineType.Hit ? MissingBranches.None : b.Missing;
        else if (!b.Missing.IsKnown) missing = b.Coverage.Type == LineType.Hit ? MissingBranches.None : a.Missing;
        else missing = a.Missing.Intersect(b.Missing);
        var complexity = a.Complexity is null && b.Complexity is null ? (Complexity?)null : Reports.Complexity.Max(a.Complexity, b.Complexity);
        return new LineSession(a.SessionId, CoverageMerge.Merge(a.Coverage, b.Coverage, missing), missing, complexity);
    }

    /// <summary>Codecov's <c>merge_missed_branches</c>: the intersection over sessions; a hit without branch data ends it.</summary>
    internal static MissingBranches MissedBranches(IReadOnlyList<LineSession> sessions)
    {
        if (sessions.Count == 0 || sessions.All(s => !s.Missing.IsKnown)) return MissingBranches.Unknown;
        HashSet<string>? missed = null;
        foreach (var session in sessions)
        {
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

    private static int IndexOf(LineSession[] sessions, int count, int sessionId)
    {
        for (var i = 0; i < count; i++)
            if (sessions[i].SessionId == sessionId) return i;
        return -1;
    }

    private static bool AnyBranchesKnown(LineSession[] sessions)
    {
        foreach (var session in sessions)
            if (session.Missing.IsKnown) return true;
        return false;
    }

    private static CoverageValue ComputeCoverage(LineSession[] sessions)
    {
        if (sessions.Length == 0) return CoverageValue.None;
        if (sessions.Length == 1) return sessions[0].Coverage;
        var values = new CoverageValue[sessions.Length];
        for (var i = 0; i < sessions.Length; i++) values[i] = sessions[i].Coverage;
        return CoverageMerge.MergeAll(values, MissedBranches(sessions));
    }

    private static Complexity? ComputeComplexity(LineSession[] sessions)
    {
        Complexity? result = null;
        foreach (var s in sessions)
            if (s.Complexity is not null) result = Reports.Complexity.Max(result, s.Complexity);
        return result;
    }
}
