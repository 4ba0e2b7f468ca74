using Codecov.FakeGitHub;
using Codecov.Grains.Commits;
using Codecov.Grains.Notifications;

namespace Codecov.Grains.Tests.Notifications.Flow;

/// <summary>codecov-semantics §5 "Carryforward", across two commits.</summary>
[Collection(NotificationClusterCollection.Name)]
public sealed class CarryforwardTests(NotificationClusterFixture fixture)
{
    private const string Yaml = "flags:\n  unit:\n    carryforward: true\n";

    [Fact]
    public async Task Carryforward_flag_sessions_are_copied_from_the_parent_and_replaced_by_a_real_upload()
    {
        var s = new NotificationScenario(fixture);
        var parent = NotificationScenario.Sha();
        var child = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, parent);
        s.GitHub.AddCommit(s.FullName, child, parent);
        s.GitHub.SetFile(s.FullName, parent, "codecov.yml", Yaml);
        s.GitHub.SetFile(s.FullName, child, "codecov.yml", Yaml);
        // The child inserts one line at the top of src/a.c: carried lines 1–2 become 2–3.
        s.GitHub.SetDiff(s.FullName, parent, child, new FakeFileChange("src/a.c", "modified", "@@ -1,2 +1,3 @@\n+new\n line1\n line2", Additions: 1));

        await s.UploadAsync(parent, null, null, ["unit"], (1, 1), (2, 0));
        await s.WaitForEventAsync(parent, NotificationEvents.Completed);

        // The child's own upload covers line 4 only; the unit session (lines 2–3 now) comes from the parent.
        await s.UploadAsync(child, parent, null, ["integration"], (4, 1));
        await s.WaitForEventAsync(child, TimelineEvents.UploadMerged);
        var carried = Assert.Single(await s.Commit(child).GetUploadsAsync(), u => u.IsCarriedForward);
        Assert.Equal(parent, carried.CarriedForwardFrom);
        Assert.StartsWith("CF[0] - ", carried.Request.Name);
        var totals = (await s.Commit(child).GetAsync())!.Totals!;
        Assert.Equal((3, 2, 1), (totals.Lines, totals.Hits, totals.Misses));
        var lines = (await s.Commit(child).GetReportAsync())!.Files.Single().Lines;
        Assert.Equal([(2, 0), (3, 1), (4, 0)], lines.Select(l => (l.Line, l.State)));

        // A real unit upload on the child replaces the carried-forward session: lines 2–3 now both missed.
        await s.UploadAsync(child, parent, null, ["unit"], (2, 0), (3, 0));
        await s.WaitForEventAsync(child, TimelineEvents.UploadMerged, 2);
        Assert.DoesNotContain(await s.Commit(child).GetUploadsAsync(), u => u.IsCarriedForward);
        totals = (await s.Commit(child).GetAsync())!.Totals!;
        Assert.Equal((3, 1, 2), (totals.Lines, totals.Hits, totals.Misses));
    }
}
