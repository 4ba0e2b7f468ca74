using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Tests.Notifications;

public sealed class LineShiftTests
{
    // Base lines 1–6; the hunk removes base line 3 and adds two lines after base line 4.
    private static readonly DiffFile Diff = new("a.c", null, DiffFileKind.Modified,
        [new DiffSegment(2, 4, 2, 5, [" two", "-three", " four", "+new1", "+new2", " five"])]);

    [Theory]
    [InlineData(1, 1)]   // above the hunk: unchanged
    [InlineData(2, 2)]   // context
    [InlineData(4, 3)]   // after the removed line: up one
    [InlineData(5, 6)]   // after the two added lines: down two
    [InlineData(6, 7)]   // below the hunk: base length 4, head length 5 → +1
    public void Lines_move_to_their_head_position(int baseLine, int headLine) =>
        Assert.Equal(headLine, LineShift.Map(Diff, baseLine));

    [Fact]
    public void A_removed_line_has_no_head_position() => Assert.Null(LineShift.Map(Diff, 3));
}
