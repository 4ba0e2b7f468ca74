using Codecov.Grains.Queries;
using TestReports = Codecov.Grains.Tests.Notifications.Reports;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Tests.Queries;

public sealed class CommitFlagIndexTests
{
    private static UploadInfo Upload(int session, string flag, string? carriedFrom = null) =>
        new($"u{session}", session, UploadStates.Processed, new UploadRequest([flag], null, null, null, null, null, "uploaded", new Dictionary<string, string>(), null),
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, [], carriedFrom);

    [Fact]
    public void Each_flag_gets_the_totals_of_its_own_sessions_only()
    {
        var report = TestReports.BuildSession(0, ("a.c", "hhmm"));
        TestReports.AddTo(report, 1, ("a.c", "mmmh"), ("b.c", "h"));

        var flags = CommitFlagIndex.Of(report, [Upload(0, "unit"), Upload(1, "e2e", carriedFrom: "abc")]);

        Assert.Equal([("e2e", 2, 5, true), ("unit", 2, 4, false)],
            flags.Select(f => (f.Flag, f.Totals.Hits, f.Totals.Lines, f.CarriedForward)));
    }
}
