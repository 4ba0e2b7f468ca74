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

        await s.UploadAsync(parent, null, null, ["unit"], (1, 1), (2, 0));
        await s.WaitForEventAsync(parent, NotificationEvents.Completed);

        // The child's own upload covers line 3 only; the unit session (lines 1–2) comes from the parent.
        await s.UploadAsync(child, parent, null, ["integration"], (3, 1));
        await s.WaitForEventAsync(child, TimelineEvents.UploadMerged);
        var carried = Assert.Single(await s.Commit(child).GetUploadsAsync(), u => u.IsCarriedForward);
        Assert.Equal(parent, carried.CarriedForwardFrom);
        Assert.StartsWith("CF[0] - ", carried.Request.Name);
        var totals = (await s.Commit(child).GetAsync())!.Totals!;
        Assert.Equal((3, 2, 1), (totals.Lines, totals.Hits, totals.Misses));

        // A real unit upload on the child replaces the carried-forward session: lines 1–2 now both missed.
        await s.UploadAsync(child, parent, null, ["unit"], (1, 0), (2, 0));
        await s.WaitForEventAsync(child, TimelineEvents.UploadMerged, 2);
        Assert.DoesNotContain(await s.Commit(child).GetUploadsAsync(), u => u.IsCarriedForward);
        totals = (await s.Commit(child).GetAsync())!.Totals!;
        Assert.Equal((3, 1, 2), (totals.Lines, totals.Hits, totals.Misses));
    }
}
