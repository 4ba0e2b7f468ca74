using System.Text;
using Codecov.FakeGitHub;
using Codecov.Grains.Commits;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Tests.Notifications.Flow;

/// <summary>One repository of a notification test: uploads LCOV reports and waits for what GitHub was sent.</summary>
public sealed class NotificationScenario(NotificationClusterFixture fixture)
{
    public RepositoryKey Repository { get; } = new("github", "acme", "repo-" + Guid.NewGuid().ToString("N")[..8]);

    public string FullName => $"{Repository.Owner}/{Repository.Name}";

    public FakeGitHubServer GitHub => fixture.GitHub;

    public static string Sha() => Guid.NewGuid().ToString("N") + "00000000";

    public ICommitGrain Commit(string sha) => fixture.Grains.GetGrain<ICommitGrain>(Repository.Commit(sha).ToString());

    /// <summary>Announces the commit (as an uploader does) and uploads one LCOV report for src/a.c with the given hits per line.</summary>
    public Task UploadAsync(string sha, string? parent, int? pull, params (int Line, int Hits)[] lines) =>
        UploadAsync(sha, parent, pull, [], lines);

    public async Task UploadAsync(string sha, string? parent, int? pull, IReadOnlyList<string> flags, params (int Line, int Hits)[] lines)
    {
        var commit = Commit(sha);
        await commit.UpsertAsync(new CommitUpsert("feature", pull, parent));
        var request = new UploadRequest(flags, "unit", null, null, null, null, "uploaded", new Dictionary<string, string>(), "test");
        var upload = (await commit.CreateUploadAsync(request)).Upload!;
        var key = Repository.Commit(sha).Upload(upload.UploadId);
        var report = new StringBuilder("# path=coverage/lcov.info\nSF:src/a.c\n");
        foreach (var (line, hits) in lines) report.Append($"DA:{line},{hits}\n");
        report.Append("end_of_record\n<<<<<< EOF\n");
        await fixture.Objects.PutAsync(ObjectKeys.RawUpload(key), new MemoryStream(Encoding.UTF8.GetBytes(report.ToString())));
        await fixture.Grains.GetGrain<IUploadGrain>(key.ToString()).AcceptPayloadAsync(ObjectKeys.RawUpload(key));
    }

    /// <summary>Waits until the timeline holds <paramref name="count"/> entries of <paramref name="event"/>.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> WaitForEventAsync(string sha, string @event, int count = 1)
    {
        for (var i = 0; i < 300; i++)
        {
            var timeline = await Commit(sha).GetTimelineAsync();
            if (timeline.Count(e => e.Event == @event) >= count) return timeline;
            await Task.Delay(50);
        }
        var all = string.Join("\n", (await Commit(sha).GetTimelineAsync()).Select(e => $"{e.Event}: {e.Message}"));
        throw new TimeoutException($"No '{@event}' ×{count} on {sha[..7]}'s timeline:\n{all}");
    }

    /// <summary>The newest status per context that GitHub holds for the commit.</summary>
    public IReadOnlyDictionary<string, FakeStatus> Statuses(string sha) =>
        GitHub.Statuses(FullName, sha).GroupBy(s => s.Context).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).Last());
}
