using System.Globalization;

namespace Codecov.Grains.Reports;

/// <summary>What kind of value a line's coverage holds (codecov-semantics §1 "What a coverage value can be").</summary>
public enum CoverageKind : byte
{
    /// <summary>Not coverable (Codecov's <c>None</c>).</summary>
    None = 0,
    /// <summary>A hit count: 0 is a miss, more is a hit.</summary>
    Hits,
    /// <summary>A branch fraction <c>"covered/total"</c>.</summary>
    Branches,
    /// <summary>Codecov's <c>True</c>: a partial line without branch counts.</summary>
    Partial,
    /// <summary>Codecov's <c>-1</c>: fixed or ignored out.</summary>
    Skipped,
}

/// <summary>How a coverage value counts in totals (Codecov's <c>line_type</c>).</summary>
public enum LineType : sbyte
{
    Ignored = -2,
    Skipped = -1,
    Hit = 0,
    Miss = 1,
    Partial = 2,
}

/// <summary>One line's coverage value, with exactly Codecov's classification and merge rules.</summary>
public readonly record struct CoverageValue(CoverageKind Kind, long Hits, int Covered, int Total)
{
    public static readonly CoverageValue None = default;
    public static readonly CoverageValue Partial = new(CoverageKind.Partial, 0, 0, 0);
    public static readonly CoverageValue Skipped = new(CoverageKind.Skipped, 0, 0, 0);

    public static CoverageValue FromHits(long hits) => new(CoverageKind.Hits, hits, 0, 0);

    public static CoverageValue FromBranches(int covered, int total) => new(CoverageKind.Branches, 0, covered, total);

    public bool IsNone => Kind == CoverageKind.None;

    public LineType Type => Kind switch
    {
        CoverageKind.Hits => Hits != 0 ? LineType.Hit : LineType.Miss,
        // branch_type compares the two halves as strings: equal is a hit, "0/…" a miss, else partial.
        CoverageKind.Branches => Covered == Total ? LineType.Hit : Covered == 0 ? LineType.Miss : LineType.Partial,
        CoverageKind.Partial => LineType.Partial,
        CoverageKind.Skipped => LineType.Skipped,
        _ => LineType.Ignored,
    };

    /// <summary>Parses the text form used in archives and Codecov's custom JSON: an integer, <c>"c/t"</c>, <c>true</c> or <c>-1</c>.</summary>
    public static CoverageValue Parse(string text)
    {
        if (text.Length == 0 || text == "null") return None;
        if (text == "true") return Partial;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            return FromBranches(
                int.Parse(text.AsSpan(0, slash), CultureInfo.InvariantCulture),
                int.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture));
        }
        var hits = long.Parse(text, CultureInfo.InvariantCulture);
        return hits == -1 ? Skipped : FromHits(hits);
    }

    public override string ToString() => Kind switch
    {
        CoverageKind.Hits => Hits.ToString(CultureInfo.InvariantCulture),
        CoverageKind.Branches => string.Create(CultureInfo.InvariantCulture, $"{Covered}/{Total}"),
        CoverageKind.Partial => "true",
        CoverageKind.Skipped => "-1",
        _ => "null",
    };
}
