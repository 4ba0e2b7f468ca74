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
        if (Ids.Count <= SmallList && other.Ids.Count <= SmallList) return new(IntersectSmall(Ids, other.Ids));
        var set = new HashSet<string>(Ids);
        set.IntersectWith(other.Ids);
        return new(set.ToArray());
    }

    private const int SmallList = 16;

    /// <summary>
    /// The set intersection for short lists, without a hash set: the ids of <paramref name="a"/>
    /// that <paramref name="b"/> holds, each once, in <paramref name="a"/>'s order (the order the
    /// hash set gives back, as it only removes from the ids it was filled with).
    /// </summary>
    private static string[] IntersectSmall(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        Span<int> kept = stackalloc int[SmallList];
        var count = 0;
        for (var i = 0; i < a.Count; i++)
        {
            if (!Holds(b, a[i], b.Count)) continue;
            var repeated = false;
            for (var k = 0; k < count && !repeated; k++) repeated = string.Equals(a[kept[k]], a[i], StringComparison.Ordinal);
            if (!repeated) kept[count++] = i;
        }
        if (count == 0) return [];
        var ids = new string[count];
        for (var k = 0; k < count; k++) ids[k] = a[kept[k]];
        return ids;
    }

    private static bool Holds(IReadOnlyList<string> ids, string id, int count)
    {
        for (var i = 0; i < count; i++)
            if (string.Equals(ids[i], id, StringComparison.Ordinal)) return true;
        return false;
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
