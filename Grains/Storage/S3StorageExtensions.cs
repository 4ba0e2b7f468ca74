using Codecov.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>Cluster mode's object store (DESIGN "Two modes, one code path").</summary>
public static class S3StorageExtensions
{
    /// <summary>
    /// Registers <see cref="S3ObjectStore"/> behind <see cref="IObjectStore"/> and <see cref="IDirectUploadUrls"/>,
    /// with <see cref="S3Options"/> bound from <c>S3:*</c> and validated at start, and the bucket created at start.
    /// </summary>
    public static IServiceCollection AddS3ObjectStore(this IServiceCollection services)
    {
        services.AddValidatedOptions<S3Options>(S3Options.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3Options>, S3OptionsValidator>());
        services.TryAddSingleton<S3ObjectStore>();
        services.TryAddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.TryAddSingleton<IDirectUploadUrls>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddHostedService<S3BucketSetup>();
        return services;
    }
}

/// <summary>
/// Creates the bucket at start, so a wrong endpoint or credential stops the process instead of the
/// first upload. A store that is busy or restarting gets a few tries (about 15 s) first.
/// </summary>
internal sealed class S3BucketSetup(S3ObjectStore store, ILogger<S3BucketSetup> logger) : IHostedService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.EnsureBucketAsync().WaitAsync(cancellationToken);
                return;
            }
            catch (Exception fault) when (attempt < Backoff.Length && fault is IOException or TimeoutException or HttpRequestException)
            {
                logger.LogWarning(fault, "The S3 bucket could not be checked; trying again in {Delay}", Backoff[attempt]);
                await Task.Delay(Backoff[attempt], cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
