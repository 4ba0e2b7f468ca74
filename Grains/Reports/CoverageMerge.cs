namespace Codecov.Grains.Reports;

/// <summary>
/// Codecov's value-level merge rules (codecov-semantics §1 "Merging sessions on one line"):
/// numbers take the max (hits are never summed), a hit number turns a branch fraction into
/// <c>t/t</c>, known missing branches give <c>(t − missing)/t</c>, and <c>-1</c> always wins.
/// </summary>
public static class CoverageMerge
{
    /// <summary>Merges coverages in order, as Codecov's <c>merge_all</c>.</summary>
    public static CoverageValue MergeAll(IReadOnlyList<CoverageValue> values, MissingBranches missing)
    {
        var result = values[0];
        for (var i = 1; i < values.Count; i++) result = Merge(result, values[i], missing);
        return result;
    }

    /// <summary>Merges two values; <paramref name="missing"/> is what is known of the missed branches.</summary>
    public static CoverageValue Merge(CoverageValue a, CoverageValue b, MissingBranches missing)
    {
        if (a.IsNone || b.IsNone) return a.IsNone ? b : a;
        if (a.Kind == CoverageKind.Skipped || b.Kind == CoverageKind.Skipped) return CoverageValue.Skipped;

        // Python treats True as the number 1 here (bool is an int), so partial-vs-number is numeric.
        if (IsNumeric(a) && IsNumeric(b)) return NumericValue(a) >= NumericValue(b) ? a : b;

        if (a.Kind == CoverageKind.Branches || b.Kind == CoverageKind.Branches)
        {
            var branch = a.Kind == CoverageKind.Branches ? a : b;
            var other = a.Kind == CoverageKind.Branches ? b : a;
            if (other.Kind == CoverageKind.Hits || other.Kind == CoverageKind.Partial)
            {
                // A hit number means every branch was taken; a zero says nothing beyond the fraction.
                missing = NumericValue(other) != 0 ? MissingBranches.None : MissingBranches.Unknown;
                if (missing.IsFullyCovered) return CoverageValue.FromBranches(branch.Total, branch.Total);
                return MergeBranch(branch, other);
            }
            if (missing.IsFullyCovered) return CoverageValue.FromBranches(a.Total, a.Total);
            if (missing.IsKnown)
            {
                var covered = a.Total - missing.Count;
                return CoverageValue.FromBranches(covered > 0 ? covered : 0, a.Total);
            }
            return MergeBranch(a, b);
        }
        return a;
    }

    /// <summary>Codecov's <c>merge_branch</c>: a full fraction wins, otherwise the larger halves.</summary>
    public static CoverageValue MergeBranch(CoverageValue a, CoverageValue b)
    {
        if (a == b) return a;
        if (a.Kind == CoverageKind.Skipped || b.Kind == CoverageKind.Skipped) return CoverageValue.Skipped;
        if (a.Kind == CoverageKind.Hits && a.Hits > 0) return a;
        if (b.Kind == CoverageKind.Hits && b.Hits > 0) return b;
        if (IsZeroNoneOrPartial(a)) return b;
        if (IsZeroNoneOrPartial(b)) return a;
        if (a.Covered == a.Total) return a;
        if (b.Covered == b.Total) return b;
        return CoverageValue.FromBranches(Math.Max(a.Covered, b.Covered), Math.Max(a.Total, b.Total));
    }

    private static bool IsZeroNoneOrPartial(CoverageValue v) =>
        v.IsNone || v.Kind == CoverageKind.Partial || (v.Kind == CoverageKind.Hits && v.Hits == 0);

    private static bool IsNumeric(CoverageValue v) => v.Kind is CoverageKind.Hits or CoverageKind.Partial;

    private static long NumericValue(CoverageValue v) => v.Kind == CoverageKind.Partial ? 1 : v.Hits;
}
