using System.Text;
using Codecov.Grains.Commits;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class UploadPipelineTests(ClusterFixture fixture)
{
    private static readonly UploadRequest Request = new([], "unit", null, null, null, null, "uploaded",
        new Dictionary<string, string>(), "test");

    [Fact]
    public async Task Concurrent_uploads_to_one_commit_are_all_merged()
    {
        var commit = NewCommit();
        // Upload i hits line i of src/a.c; every upload misses line 20. Codecov merges by max hits,
        // so lines 1–10 are hits and line 20 a miss: 11 lines, 10 hits, "90.90909" (ratio, 5 decimals).
        var uploads = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            UploadAsync(commit, $"SF:src/a.c\nDA:{i},1\nDA:20,0\nend_of_record\n")));

        var totals = await WaitForTotalsAsync(commit, uploads.Length);

        Assert.Equal((1, 11, 10, 1, 0, "90.90909", 10), (totals.Files, totals.Lines, totals.Hits, totals.Misses, totals.Partials, totals.Coverage, totals.Sessions));
    }

    [Fact]
    public async Task Redelivered_payload_and_session_are_merged_once()
    {
        var commit = NewCommit();
        var upload = await UploadAsync(commit, "SF:src/b.c\nDA:1,1\nDA:2,0\nend_of_record\n");
        var first = await WaitForTotalsAsync(commit, 1);

        var grain = fixture.Grains.GetGrain<IUploadGrain>(upload.ToString());
        await grain.AcceptPayloadAsync(ObjectKeys.RawUpload(upload));
        var info = await grain.GetAsync();
        await fixture.Grains.GetGrain<ICommitGrain>(commit.ToString()).MergeSessionAsync(
            new ProcessedSession(upload.UploadId, info!.SessionId, ObjectKeys.Session(upload), info.Totals!, info.Formats));

        var again = await WaitForTotalsAsync(commit, 1);
        Assert.Equal(first, again);
        Assert.Equal((2, 1, 1, 1), (again.Lines, again.Hits, again.Misses, again.Sessions));
    }

    [Fact]
    public async Task Unreadable_report_ends_the_upload_in_error_with_a_reason()
    {
        var commit = NewCommit();
        await UploadAsync(commit, "this is not a coverage report\n");

        var upload = await WaitForUploadAsync(commit);

        Assert.Equal(UploadStates.Error, upload.State);
        Assert.NotNull(upload.Error);
        Assert.False(string.IsNullOrWhiteSpace(upload.Error!.Message));
    }

    [Fact]
    public async Task Uploads_past_the_commit_limit_are_refused_with_Codecovs_message()
    {
        var commit = fixture.Grains.GetGrain<ICommitGrain>(NewCommit().ToString());
        for (var i = 0; i < 20; i++) Assert.NotNull((await commit.CreateUploadAsync(Request)).Upload);

        var refused = await commit.CreateUploadAsync(Request);

        Assert.Null(refused.Upload);
        Assert.Equal("Too many uploads to this commit.", refused.Refusal);
    }

    [Fact]
    public async Task A_torn_write_of_the_next_report_version_never_reaches_the_commit_and_old_versions_are_removed()
    {
        var commit = NewCommit();
        var grain = fixture.Grains.GetGrain<ICommitGrain>(commit.ToString());
        await UploadAsync(commit, "SF:src/c.c\nDA:1,1\nDA:2,0\nend_of_record\n");
        await WaitForTotalsAsync(commit, 1);
        Assert.Equal(ObjectKeys.CommitReport(commit, 1), await grain.GetReportKeyAsync());
        // What a process killed in the middle of the next merge's PUT leaves behind on a non-atomic store.
        await fixture.Objects.PutAsync(ObjectKeys.CommitReport(commit, 2), new MemoryStream("codecov-rep"u8.ToArray()));

        await UploadAsync(commit, "SF:src/c.c\nDA:2,1\nend_of_record\n");
        await WaitForTotalsAsync(commit, 2);
        await UploadAsync(commit, "SF:src/c.c\nDA:3,0\nend_of_record\n");
        var totals = await WaitForTotalsAsync(commit, 3);

        // Max hits per line over the three sessions: lines 1 and 2 hit, line 3 missed.
        Assert.Equal((3, 2, 1), (totals.Lines, totals.Hits, totals.Misses));
        Assert.Equal(ObjectKeys.CommitReport(commit, 3), await grain.GetReportKeyAsync());
        var stored = await new Reports.ReportArchiveStore(fixture.Objects).LoadAsync(ObjectKeys.CommitReport(commit, 3));
        Assert.Equal((3, 2), (stored!.Totals.Lines, stored.Totals.Hits));
        // The version replaced last stays for readers that just asked for it; older ones go.
        Assert.True(await fixture.Objects.ExistsAsync(ObjectKeys.CommitReport(commit, 2)));
        Assert.False(await fixture.Objects.ExistsAsync(ObjectKeys.CommitReport(commit, 1)));
    }

    [Fact]
    public async Task A_creation_retried_with_the_id_it_chose_returns_the_first_upload_instead_of_a_second()
    {
        var commit = NewCommit();
        var grain = fixture.Grains.GetGrain<ICommitGrain>(commit.ToString());
        var request = Request with { UploadId = Guid.NewGuid().ToString() };

        var first = await grain.CreateUploadAsync(request);
        var retried = await grain.CreateUploadAsync(request);

        Assert.Equal(request.UploadId, first.Upload!.UploadId);
        Assert.Equal((first.Upload.UploadId, first.Upload.SessionId), (retried.Upload!.UploadId, retried.Upload.SessionId));
        Assert.Single(await grain.GetUploadsAsync());
    }

    private static CommitKey NewCommit() =>
        new RepositoryKey("github", "acme", "repo-" + Guid.NewGuid().ToString("N")[..8]).Commit(Guid.NewGuid().ToString("N") + "00000000");

    private async Task<UploadKey> UploadAsync(CommitKey commit, string report)
    {
        var creation = await fixture.Grains.GetGrain<ICommitGrain>(commit.ToString()).CreateUploadAsync(Request);
        var key = commit.Upload(creation.Upload!.UploadId);
        var payload = $"# path=coverage/lcov.info\n{report}<<<<<< EOF\n";
        await fixture.Objects.PutAsync(ObjectKeys.RawUpload(key), new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        await fixture.Grains.GetGrain<IUploadGrain>(key.ToString()).AcceptPayloadAsync(ObjectKeys.RawUpload(key));
        return key;
    }

    private async Task<Reports.ReportTotals> WaitForTotalsAsync(CommitKey commit, int uploads)
    {
        var grain = fixture.Grains.GetGrain<ICommitGrain>(commit.ToString());
        for (var i = 0; i < 300; i++)
        {
            var counts = await grain.GetUploadCountsAsync();
            if (counts.Total == uploads && counts.Success == uploads) return (await grain.GetAsync())!.Totals!;
            Assert.Equal(0, counts.Error);
            await Task.Delay(100);
        }
        throw new TimeoutException("uploads were not processed");
    }

    private async Task<UploadInfo> WaitForUploadAsync(CommitKey commit)
    {
        var grain = fixture.Grains.GetGrain<ICommitGrain>(commit.ToString());
        for (var i = 0; i < 300; i++)
        {
            var upload = (await grain.GetUploadsAsync()).Single();
            if (upload.State is UploadStates.Processed or UploadStates.Error) return upload;
            await Task.Delay(100);
        }
        throw new TimeoutException("upload was not processed");
    }
}
