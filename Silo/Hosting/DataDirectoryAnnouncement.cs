using Codecov.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codecov.Silo.Hosting;

/// <summary>Says at start where embedded mode keeps everything, as an absolute path.</summary>
public sealed class DataDirectoryAnnouncement(IOptions<StorageOptions> storage, ILogger<DataDirectoryAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Embedded mode: grain state, uploads, reports and the index are kept in {DataDirectory} (Storage:DataDirectory)",
            storage.Value.DataDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
