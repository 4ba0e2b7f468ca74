using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Codecov.Grains.Storage;

/// <summary>Cluster mode's query index (DESIGN "Two modes, one code path").</summary>
public static class PostgresStorageExtensions
{
    /// <summary>DI key of the index's data source (keyed, so other PostgreSQL users keep their own pool; DI disposes it).</summary>
    public const string DataSourceKey = "codecov-index";

    /// <summary>
    /// Registers <see cref="PostgresIndexStore"/> as the singleton behind <see cref="IIndexStore"/>,
    /// over one pooled <see cref="NpgsqlDataSource"/> built from <paramref name="connectionString"/>.
    /// The schema must already be migrated (<c>dotnet run --project Silo -- migrate</c>).
    /// </summary>
    public static IServiceCollection AddPostgresIndexStore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddPostgresIndexStore(_ => connectionString);
    }

    /// <summary>The same, with the connection string read when the store is first needed (after options validation).</summary>
    public static IServiceCollection AddPostgresIndexStore(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.TryAddKeyedSingleton(DataSourceKey, (sp, _) => NpgsqlDataSource.Create(connectionString(sp)));
        services.TryAddSingleton(sp => new PostgresIndexStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey)));
        services.TryAddSingleton<IIndexStore>(sp => sp.GetRequiredService<PostgresIndexStore>());
        return services;
    }
}
