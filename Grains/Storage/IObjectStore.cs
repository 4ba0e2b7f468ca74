namespace Codecov.Grains.Storage;

/// <summary>
/// Blob storage for raw uploads and report archives: files under the data directory in embedded
/// mode, an S3-compatible bucket in cluster mode. A completed <see cref="PutAsync"/> is durable.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores <paramref name="content"/> at <paramref name="key"/>, replacing any previous object; returns the byte count.</summary>
    Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
