using System.Text;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Reports;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Storage.Tests.Cluster;

/// <summary>Creates commits and uploads through the grains, and waits for their outcome.</summary>
internal sealed class ClusterUploads(RedisS3ClusterFixture fixture)
{
    public static readonly UploadRequest Request = new([], "storage-tests", null, null, null, null, "uploaded",
        new Dictionary<string, string>(), "test");

    public static CommitKey NewCommit() =>
        new RepositoryKey("github", "acme", "repo-" + Guid.NewGuid().ToString("N")[..8]).Commit(Guid.NewGuid().ToString("N") + "00000000");

    /// <summary>An lcov report of <paramref name="files"/> files, each with one hit and one missed line, in the legacy envelope.</summary>
    public static string LcovPayload(int files)
    {
        var report = new StringBuilder("# path=coverage/lcov.info\n");
        for (var i = 0; i < files; i++) report.Append("SF:src/module").Append(i).Append(".c\nDA:1,1\nDA:2,0\nend_of_record\n");
        return report.Append("<<<<<< EOF\n").ToString();
    }

    public async Task<UploadKey> CreateAsync(CommitKey commit)
    {
        var creation = await fixture.Grains.GetGrain<ICommitGrain>(commit.ToString()).CreateUploadAsync(Request);
        return commit.Upload(creation.Upload!.UploadId);
    }

    public Task PutPayloadAsync(UploadKey upload, string payload) =>
        fixture.Objects.PutAsync(ObjectKeys.RawUpload(upload), new MemoryStream(Encoding.UTF8.GetBytes(payload)));

    /// <summary>The gateway-mode path: payload stored, then the grain told.</summary>
    public async Task<UploadKey> UploadAsync(CommitKey commit, string payload)
    {
        var upload = await CreateAsync(commit);
        await PutPayloadAsync(upload, payload);
        await fixture.Grains.GetGrain<IUploadGrain>(upload.ToString()).AcceptPayloadAsync(ObjectKeys.RawUpload(upload));
        return upload;
    }

    public async Task<UploadInfo> WaitForOutcomeAsync(UploadKey upload, TimeSpan timeout)
    {
        var grain = fixture.Grains.GetGrain<IUploadGrain>(upload.ToString());
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var info = await grain.GetAsync();
            if (info is { State: UploadStates.Processed or UploadStates.Error }) return info;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Upload {upload} is still '{info?.State}' after {timeout}.");
            await Task.Delay(100);
        }
    }

    public async Task<ReportTotals> TotalsAsync(CommitKey commit) =>
        (await fixture.Grains.GetGrain<ICommitGrain>(commit.ToString()).GetAsync())?.Totals
        ?? throw new Xunit.Sdk.XunitException($"Commit {commit} has no totals.");
}
