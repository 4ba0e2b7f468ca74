using Codecov.Grains;
using Codecov.Grains.Hosting;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Codecov.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// A silo with the embedded store set: localhost clustering, grain state and objects as
    /// durable files under the data directory, the query index in SQLite.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCodecovGrains();
        builder.Services.AddValidatedOptions<EmbeddedSiloOptions>(EmbeddedSiloOptions.SectionName);
        builder.Services.AddEmbeddedStores();
        builder.Services.AddHostedService<DataDirectoryAnnouncement>();

        var ports = builder.Configuration.GetSection(EmbeddedSiloOptions.SectionName).Get<EmbeddedSiloOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort);
            silo.UseMembershipClock();
            silo.AddFileGrainStorage(StorageNames.Grains);
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, FileReminderTable>();
            silo.AddStartupTask<UnfinishedUploadSweep>();
        });
        return builder;
    }
}
