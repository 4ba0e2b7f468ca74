using Codecov.Grains.Formats;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Storage.Tests.Cluster;

/// <summary>
/// Direct-to-S3 mode: the uploader PUTs to a presigned S3 URL, and the upload grain checks storage on a
/// backing-off timer until the object is there, or records <c>file_not_in_storage</c> after the deadline.
/// </summary>
[Collection(RedisS3ClusterCollection.Name)]
public sealed class DirectUploadTests(RedisS3ClusterFixture fixture)
{
    private readonly ClusterUploads uploads = new(fixture);

    [Fact]
    public async Task An_object_that_appears_later_is_found_and_processed()
    {
        var commit = ClusterUploads.NewCommit();
        var upload = await uploads.CreateAsync(commit);
        await fixture.Grains.GetGrain<IUploadGrain>(upload.ToString()).AwaitPayloadAsync(ObjectKeys.RawUpload(upload));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var url = await fixture.Objects.PresignPutAsync(ObjectKeys.RawUpload(upload), TimeSpan.FromMinutes(5));
        using (var http = new HttpClient())
        {
            (await http.PutAsync(url, new StringContent(ClusterUploads.LcovPayload(2)))).EnsureSuccessStatusCode();
        }

        var info = await uploads.WaitForOutcomeAsync(upload, TimeSpan.FromSeconds(30));
        Assert.True(info.State == UploadStates.Processed, $"upload ended '{info.State}': {info.Error?.Message}");
        // 2 files × (1 hit + 1 miss).
        var totals = await uploads.TotalsAsync(commit);
        Assert.Equal((2, 4, 2, 2), (totals.Files, totals.Lines, totals.Hits, totals.Misses));
    }

    [Fact]
    public async Task An_object_that_never_arrives_ends_the_upload_as_file_not_in_storage_after_the_deadline()
    {
        var commit = ClusterUploads.NewCommit();
        var upload = await uploads.CreateAsync(commit);
        var started = DateTime.UtcNow;

        await fixture.Grains.GetGrain<IUploadGrain>(upload.ToString()).AwaitPayloadAsync(ObjectKeys.RawUpload(upload));
        var info = await uploads.WaitForOutcomeAsync(upload, RedisS3ClusterFixture.DirectUploadDeadline + TimeSpan.FromSeconds(20));

        Assert.Equal(UploadStates.Error, info.State);
        Assert.Equal(UploadErrorCodes.FileNotInStorage, info.Error!.Code);
        Assert.Contains("upload the report again", info.Error.Message);
        Assert.True(DateTime.UtcNow - started >= RedisS3ClusterFixture.DirectUploadDeadline, "the upload gave up before its deadline");
        var fromCommit = await fixture.Grains.GetGrain<Codecov.Grains.Commits.ICommitGrain>(commit.ToString()).GetUploadAsync(upload.UploadId);
        Assert.Equal(UploadErrorCodes.FileNotInStorage, fromCommit!.Error!.Code);
    }
}
