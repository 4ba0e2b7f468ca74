namespace Codecov.Grains.Storage;

/// <summary>
/// Presigned PUT URLs straight into the object store, for the direct-to-S3 upload mode: the uploader's
/// bytes never pass through a gateway, and the upload grain watches the store for them.
/// </summary>
public interface IDirectUploadUrls
{
    /// <summary>A URL that accepts one HTTP PUT of the object at <paramref name="key"/> until <paramref name="lifetime"/> has passed.</summary>
    Task<string> PresignPutAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default);
}
