namespace Codecov.Grains.Reports;

/// <summary>
/// What is known of a line's missed branches: unknown (Codecov's <c>None</c>), or a set of
/// branch ids, where an empty set means every branch was taken.
/// </summary>
public readonly record struct MissingBranches(IReadOnlyList<string>? Ids)
{
    public static readonly MissingBranches Unknown = new(null);
    public static readonly MissingBranches None = new(Array.Empty<string>());

    public bool IsKnown => Ids is not null;
    public bool IsFullyCovered => Ids is { Count: 0 };
    public int Count => Ids?.Count ?? 0;

    public static MissingBranches Of(IEnumerable<string>? ids) => ids is null ? Unknown : new(ids.Distinct().ToArray());

    /// <summary>Intersection, as Codecov keeps only the branches that every session missed.</summary>
    public MissingBranches Intersect(MissingBranches other)
    {
        if (Ids is null || other.Ids is null) return Unknown;
        // The same ids twice (a file reported twice in one upload) intersect to themselves.
        if (SameDistinctIds(Ids, other.Ids)) return this;
        var set = new HashSet<string>(Ids);
        set.IntersectWith(other.Ids);
        return new(set.ToArray());
    }

    /// <summary>Equal short lists without repeats: what the set intersection would give back, in the same order.</summary>
    private static bool SameDistinctIds(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count || a.Count > 16) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return false;
            for (var j = 0; j < i; j++)
                if (string.Equals(a[i], a[j], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
