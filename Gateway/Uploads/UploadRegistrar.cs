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
        // A creation whose answer a dying silo swallowed leaves one upload that never gets a payload
        // (it stays "started" and is listed as such); a failed CI job would be worse.
        var creation = await TransientFaults.RetryAsync(() => grain.CreateUploadAsync(request));
        return creation.Upload is { } upload
            ? new UploadRegistration(upload, commit.Upload(upload.UploadId), null)
            : new UploadRegistration(null, null, creation.Refusal ?? "Upload refused.");
    }
}
