using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Codecov.Storage.Tests.Cluster;

/// <summary>Grain state in Redis through <c>Microsoft.Orleans.Persistence.Redis</c> (issue 4 "Grain state").</summary>
[Collection(RedisS3ClusterCollection.Name)]
public sealed class RedisGrainStateTests(RedisS3ClusterFixture fixture, ITestOutputHelper output)
{
    private readonly ClusterUploads uploads = new(fixture);

    [Fact]
    public async Task A_commit_state_written_to_Redis_reads_back_whole()
    {
        var storage = GrainStorage();
        var grainId = GrainId.Create("commit", ClusterUploads.NewCommit().ToString());
        var upload = new UploadInfo("u-1", 0, UploadStates.Processed,
            // Arrays, as the gateway builds them: the default JSON storage serializer records each runtime
            // collection type, and a compiler-synthesized one (a collection expression) cannot be read back.
            ClusterUploads.Request with { Flags = new[] { "unit", "linux" }, Env = new Dictionary<string, string> { ["CI"] = "true" } },
            DateTimeOffset.Parse("2026-01-02T03:04:05Z"), DateTimeOffset.Parse("2026-01-02T03:04:09Z"), null,
            Totals, new[] { "lcov" });
        var written = new GrainState<CommitState>(new CommitState { Uploads = [upload] });

        await storage.WriteStateAsync("commit", grainId, written);
        var read = new GrainState<CommitState>(new CommitState());
        await storage.ReadStateAsync("commit", grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        var back = Assert.Single(read.State!.Uploads);
        Assert.Equal((upload.UploadId, upload.State, upload.CreatedAt, upload.ProcessedAt, upload.Totals),
            (back.UploadId, back.State, back.CreatedAt, back.ProcessedAt, back.Totals));
        Assert.Equal(["unit", "linux"], back.Request.Flags);
        Assert.Equal("true", back.Request.Env["CI"]);
        Assert.Equal(["lcov"], back.Formats);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused()
    {
        var storage = GrainStorage();
        var grainId = GrainId.Create("commit", ClusterUploads.NewCommit().ToString());
        var first = new GrainState<CommitState>(new CommitState());
        await storage.WriteStateAsync("commit", grainId, first);
        var stale = new GrainState<CommitState>(new CommitState()) { ETag = first.ETag };
        await storage.WriteStateAsync("commit", grainId, first);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("commit", grainId, stale));
    }

    [Fact]
    public async Task Commit_totals_survive_deactivation_because_they_are_read_back_from_Redis()
    {
        var commit = ClusterUploads.NewCommit();
        var upload = await uploads.UploadAsync(commit, ClusterUploads.LcovPayload(3));
        Assert.Equal(UploadStates.Processed, (await uploads.WaitForOutcomeAsync(upload, TimeSpan.FromSeconds(30))).State);
        var before = await uploads.TotalsAsync(commit);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // 3 files × (1 hit + 1 miss): 6 lines, 3 hits, 3 misses, "50.00000" (Codecov's 5-decimal ratio).
        var after = await uploads.TotalsAsync(commit);
        Assert.Equal(before, after);
        Assert.Equal((3, 6, 3, 3, "50.00000"), (after.Files, after.Lines, after.Hits, after.Misses, after.Coverage));
    }

    [Fact]
    public async Task A_commits_state_does_not_grow_with_the_number_of_files_in_its_report()
    {
        var small = await ProcessedCommitAsync(files: 50);
        var large = await ProcessedCommitAsync(files: 5000);

        var smallCommit = await fixture.StateSizeAsync(small.Commit.ToString(), "commit");
        var largeCommit = await fixture.StateSizeAsync(large.Commit.ToString(), "commit");
        var largeUpload = await fixture.StateSizeAsync(large.ToString(), "upload");
        output.WriteLine($"Redis state bytes, one upload: commit with 50 files {smallCommit}, with 5000 files {largeCommit}; upload state {largeUpload}.");

        Assert.Equal(5000, (await uploads.TotalsAsync(large.Commit)).Files);
        // Line data lives in the report archive, so only the digits of the totals differ.
        Assert.InRange(largeCommit - smallCommit, -64, 64);
        Assert.InRange(largeCommit, 1, 16 * 1024);
        Assert.InRange(largeUpload, 1, 16 * 1024);
    }

    private async Task<Codecov.Grains.UploadKey> ProcessedCommitAsync(int files)
    {
        var upload = await uploads.UploadAsync(ClusterUploads.NewCommit(), ClusterUploads.LcovPayload(files));
        var info = await uploads.WaitForOutcomeAsync(upload, TimeSpan.FromSeconds(120));
        Assert.True(info.State == UploadStates.Processed, $"upload ended '{info.State}': {info.Error?.Message}");
        return upload;
    }

    private IGrainStorage GrainStorage() =>
        ((InProcessSiloHandle)fixture.Cluster.Silos[0]).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);

    /// <summary>Distinct values, so a field read back into the wrong place shows.</summary>
    private static readonly Codecov.Grains.Reports.ReportTotals Totals = new(1, 2, 3, 4, 5, "60.00000", 6, 7, 8, 9, 10, 11, 12);
}
