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
        var set = new HashSet<string>(Ids);
        set.IntersectWith(other.Ids);
        return new(set.ToArray());
    }
}
