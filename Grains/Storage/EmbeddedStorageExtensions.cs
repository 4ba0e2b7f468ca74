using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Codecov.Grains.Storage;

/// <summary>Embedded mode's object store and query index (DESIGN "Two modes, one code path").</summary>
public static class EmbeddedStorageExtensions
{
    /// <summary>
    /// Registers <see cref="FileObjectStore"/> and <see cref="SqliteIndexStore"/> as the singletons
    /// behind <see cref="IObjectStore"/> and <see cref="IIndexStore"/>. Both read
    /// <c>IOptions&lt;StorageOptions&gt;</c>; bind it (or pass <paramref name="configure"/>) before use.
    /// </summary>
    public static IServiceCollection AddEmbeddedStores(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        var options = services.AddOptions<StorageOptions>();
        if (configure is not null) options.Configure(configure);
        // Resolved once, against the directory the process was started in, so every store and the log agree.
        options.PostConfigure(o =>
        {
            if (!string.IsNullOrWhiteSpace(o.DataDirectory)) o.DataDirectory = Path.GetFullPath(o.DataDirectory);
        });
        services.TryAddSingleton<FileObjectStore>();
        services.TryAddSingleton<SqliteIndexStore>();
        services.TryAddSingleton<IObjectStore>(sp => sp.GetRequiredService<FileObjectStore>());
        services.TryAddSingleton<IIndexStore>(sp => sp.GetRequiredService<SqliteIndexStore>());
        return services;
    }
}
