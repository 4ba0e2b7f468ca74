using System.Data.Common;
using System.Diagnostics;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Codecov.Gateway.Hosting;

/// <summary>
/// Faults of the cluster or of storage that pass on their own: a silo that died mid-call (its grains
/// come back elsewhere), a call that timed out, a store that did not answer. A retry of the same
/// idempotent request succeeds once the cluster has noticed; nothing the client sent was wrong.
/// </summary>
public static class TransientFaults
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    /// <summary>No retry starts after this long: a client waiting longer gives up on its own.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Transient: the runtime's own faults (a dead silo, a rejected or timed-out message, a storage
    /// provider's failure, all <see cref="OrleansException"/>s), timeouts, and the I/O, PostgreSQL and
    /// Redis faults of the stores behind the grains. Bugs throw other exceptions and stay 500s. A request body
    /// the client did not deliver (Kestrel's <see cref="BadHttpRequestException"/>, an <see cref="IOException"/>)
    /// is the client's fault, not the cluster's.
    /// </summary>
    public static bool IsTransient(Exception fault) => fault is
        (OrleansException or TimeoutException or IOException or HttpRequestException or DbException or RedisException)
        and not BadHttpRequestException;

    /// <summary>
    /// Runs an idempotent cluster call, retrying transient faults up to three times (none started after
    /// 15 s), so a client whose uploader does not retry (the Node uploader retries only transport
    /// errors) does not see a silo's death.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception fault) when (attempt < Backoff.Length && IsTransient(fault) && Stopwatch.GetElapsedTime(started) < Budget)
            {
                await Task.Delay(Backoff[attempt]);
            }
        }
    }

    public static Task RetryAsync(Func<Task> call) => RetryAsync(async () =>
    {
        await call();
        return true;
    });
}
