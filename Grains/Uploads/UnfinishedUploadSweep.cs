using Codecov.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Codecov.Grains.Uploads;

/// <summary>
/// At silo start, wakes every upload whose payload was stored but whose processing never
/// finished, so a restart never strands an accepted upload (DESIGN "reminders … plus a sweep").
/// </summary>
public sealed class UnfinishedUploadSweep(IIndexStore index, IGrainFactory grains, ILogger<UnfinishedUploadSweep> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var unfinished = await index.ListUnfinishedUploadsAsync(cancellationToken);
        foreach (var key in unfinished)
        {
            await grains.GetGrain<IUploadGrain>(key.ToString()).ResumeAsync();
        }
        if (unfinished.Count > 0) logger.LogInformation("Resumed {Count} unfinished uploads", unfinished.Count);
    }
}
