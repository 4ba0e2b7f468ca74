using Codecov.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Persistence;
using StackExchange.Redis;

namespace Codecov.Silo.Hosting;

public static class RedisGrainStateExtensions
{
    /// <summary>
    /// Grain state in Redis under <see cref="StorageNames.Grains"/>, from <c>ConnectionStrings:Redis</c>.
    /// Each state is one hash (etag + serialized state) written with an etag check (orleans-notes §1.3);
    /// states stay small because line data lives in the report archive (DESIGN "Merge").
    /// </summary>
    public static ISiloBuilder AddRedisGrainState(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterConnectionStrings>().BindConfiguration(ClusterConnectionStrings.SectionName);
        silo.AddRedisGrainStorage(StorageNames.Grains, options => options.Configure<IOptions<ClusterConnectionStrings>>(
            (redis, connections) => redis.ConfigurationOptions = ConfigurationOptions.Parse(
                connections.Value.Redis ?? throw new OptionsValidationException(ClusterConnectionStrings.RedisKey, typeof(ClusterConnectionStrings),
                    [$"{ClusterConnectionStrings.RedisKey} is required in cluster mode (grain state)."]))));
        return silo;
    }
}
