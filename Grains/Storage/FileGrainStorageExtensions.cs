using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Codecov.Grains.Storage;

/// <summary>Registers <see cref="FileGrainStorage"/> the way Orleans' own providers register (orleans-notes §1.3).</summary>
public static class FileGrainStorageExtensions
{
    /// <summary>Adds file grain storage under <paramref name="name"/>, rooted at <see cref="StorageOptions.DataDirectory"/>.</summary>
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddOptions<StorageOptions>();
        builder.Services.AddGrainStorage(name, (sp, providerName) => new FileGrainStorage(
            providerName,
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<IGrainStorageSerializer>()));
        return builder;
    }

    /// <summary>Adds file grain storage as the provider used by <c>[PersistentState]</c> without a provider name.</summary>
    public static ISiloBuilder AddFileGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddFileGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
}
