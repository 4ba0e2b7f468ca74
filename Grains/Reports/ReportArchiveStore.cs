using Codecov.Grains.Storage;

namespace Codecov.Grains.Reports;

/// <summary>Loads and saves whole reports in the object store, in the <see cref="ReportArchive"/> format.</summary>
public sealed class ReportArchiveStore(IObjectStore objects)
{
    public async Task<CoverageReport?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var stream = await objects.OpenReadAsync(key, cancellationToken);
        return stream is null ? null : await ReportArchive.ReadAsync(stream, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => objects.DeleteAsync(key, cancellationToken);

    public async Task SaveAsync(string key, CoverageReport report, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await ReportArchive.WriteAsync(report, buffer, cancellationToken);
        buffer.Position = 0;
        await objects.PutAsync(key, buffer, cancellationToken);
    }
}
