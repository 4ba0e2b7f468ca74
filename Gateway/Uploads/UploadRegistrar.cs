using Codecov.Gateway.Hosting;
using Codecov.Grains;
using Codecov.Grains.Commits;
using Codecov.Grains.Uploads;

namespace Codecov.Gateway.Uploads;

/// <summary>A new upload and its key, or Codecov's reason for refusing it.</summary>
public sealed record UploadRegistration(UploadInfo? Upload, UploadKey? Key, string? Refusal);

/// <summary>Announces the commit and asks it for a new upload; the grain decides limits and ids.</summary>
public sealed class UploadRegistrar(IGrainFactory grains)
{
    /// <summary>Codecov's <c>upload_type</c> for coverage sent by an uploader.</summary>
    public const string UploadedType = "uploaded";

    public async Task<UploadRegistration> RegisterAsync(CommitKey commit, CommitUpsert announce, UploadRequest request)
    {
        var grain = grains.GetGrain<ICommitGrain>(commit.ToString());
        await TransientFaults.RetryAsync(() => grain.UpsertAsync(announce));
        // The upload's id is chosen here, so a creation retried after a fault swallowed its answer
        // finds the upload the first attempt made instead of making another.
        var identified = request with { UploadId = Guid.NewGuid().ToString() };
        var creation = await TransientFaults.RetryAsync(() => grain.CreateUploadAsync(identified));
        return creation.Upload is { } upload
            ? new UploadRegistration(upload, commit.Upload(upload.UploadId), null)
            : new UploadRegistration(null, null, creation.Refusal ?? "Upload refused.");
    }
}
