using Codecov.FakeGitHub;
using Codecov.Grains.Notifications;

namespace Codecov.Grains.Tests.Notifications.Flow;

/// <summary>Its own silo, restarted by the test; CI is awaited 3 s between checks.</summary>
public sealed class RestartingNotificationClusterFixture() : NotificationClusterFixture(new Dictionary<string, string?>
{
    ["Notifications:CiRetryDelay"] = "00:00:03",
});

/// <summary>
/// A commit waiting for CI when its silo restarts: the durable attempt state and reminder bring it
/// back without anyone calling the commit, and it posts exactly once.
/// </summary>
public sealed class SiloRestartTests(RestartingNotificationClusterFixture fixture) : IClassFixture<RestartingNotificationClusterFixture>
{
    [Fact]
    public async Task Commit_waiting_for_CI_when_the_silo_restarts_posts_each_status_exactly_once()
    {
        var s = new NotificationScenario(fixture);
        var baseSha = NotificationScenario.Sha();
        var head = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, baseSha);
        s.GitHub.AddCommit(s.FullName, head, baseSha);
        s.GitHub.SetDiff(s.FullName, baseSha, head, new FakeFileChange("src/a.c", "modified", "@@ -1,1 +1,2 @@\n line 1\n+line 2", Additions: 1));
        s.GitHub.SetCiStatus(s.FullName, head, "ci/build", "pending");
        await s.UploadAsync(head, baseSha, null, (1, 1), (2, 0));
        await s.WaitForEventAsync(head, NotificationEvents.Waiting);

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);
        s.GitHub.SetCiStatus(s.FullName, head, "ci/build", "success");

        // Nothing calls the commit grain from here on: only its reminder can wake it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (s.GitHub.Statuses(s.FullName, head).Count(x => x.Context.StartsWith("codecov", StringComparison.Ordinal)) < 2)
        {
            if (DateTime.UtcNow > deadline)
            {
                var timeline = string.Join("\n", (await s.Commit(head).GetTimelineAsync()).Select(e => $"{e.At:HH:mm:ss.fff} {e.Event}: {e.Message}"));
                var reminders = File.Exists(Path.Combine(fixture.DataDirectory, "reminders.json")) ? File.ReadAllText(Path.Combine(fixture.DataDirectory, "reminders.json")) : "(none)";
                Assert.Fail($"No statuses 60 s after the restart.\n{timeline}\nreminders: {reminders}");
            }
            await Task.Delay(100);
        }
        await Task.Delay(3000); // a second, duplicate post would arrive within another CI wait
        var posted = s.GitHub.Statuses(s.FullName, head).Where(x => x.Context.StartsWith("codecov", StringComparison.Ordinal)).ToList();
        Assert.Equal(["codecov/patch", "codecov/project"], posted.Select(x => x.Context).Order());
    }
}
