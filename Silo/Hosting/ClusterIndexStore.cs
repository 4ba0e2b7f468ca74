using Microsoft.Extensions.DependencyInjection;

namespace Codecov.Silo.Hosting;

/// <summary>
/// SEAM for the lead (issue 4): the PostgreSQL query index is written on a parallel branch as
/// <c>AddPostgresIndexStore(services, connectionString)</c> with <c>PostgresIndexStore</c>. Until that
/// branch is merged, cluster mode has no index store and says so at start.
/// </summary>
internal static class ClusterIndexStore
{
    public static void Add(IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // LEAD: replace this line with the call below once the PostgreSQL branch is merged:
        //   PostgresIndexStoreExtensions.AddPostgresIndexStore(services, connectionString);
        throw new InvalidOperationException(
            "Cluster mode needs the PostgreSQL index store (AddPostgresIndexStore), which is not part of this build yet.");
    }
}
