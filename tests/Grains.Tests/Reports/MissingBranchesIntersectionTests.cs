using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.ReportMerging;

/// <summary>
/// Two records of one session on a line keep only the branches both missed (codecov-semantics §1
/// "Merging sessions on one line", <c>merge_missed_branches</c>: a set intersection).
/// </summary>
public sealed class MissingBranchesIntersectionTests
{
    private static MissingBranches Ids(params string[] ids) => new(ids);

    [Fact]
    public void Intersecting_keeps_the_ids_both_missed_in_the_first_records_order() =>
        Assert.Equal(["2:0", "0:1"], Ids("2:0", "1:1", "0:1", "3:3").Intersect(Ids("0:1", "9:9", "2:0")).Ids);

    [Fact]
    public void An_id_repeated_in_one_record_is_kept_once() =>
        Assert.Equal(["a", "b"], Ids("a", "b", "a", "b").Intersect(Ids("b", "a")).Ids);

    [Fact]
    public void Records_that_missed_different_branches_leave_every_branch_covered()
    {
        var merged = Ids("0:0", "0:1").Intersect(Ids("1:0"));
        Assert.True(merged.IsKnown);
        Assert.True(merged.IsFullyCovered);
    }

    [Fact]
    public void Long_lists_intersect_as_short_ones_do()
    {
        var first = Enumerable.Range(0, 40).Select(i => $"{i}:0").ToArray();
        var second = Enumerable.Range(0, 40).Where(i => i % 3 == 0).Reverse().Select(i => $"{i}:0").ToArray();
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 == 0).Select(i => $"{i}:0"), Ids(first).Intersect(Ids(second)).Ids!);
    }

    [Fact]
    public void Unknown_on_either_side_gives_unknown() =>
        Assert.False(Ids("a").Intersect(MissingBranches.Unknown).IsKnown);
}
