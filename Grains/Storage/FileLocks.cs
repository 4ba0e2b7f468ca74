namespace Codecov.Grains.Storage;

/// <summary>
/// Serializes operations on one file within this process while leaving other files free: a fixed
/// set of semaphores picked by the path's hash, so two activations of the same grain (possible
/// briefly during a silo hand-over) cannot interleave an ETag check and a rename.
/// </summary>
internal sealed class FileLocks
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string path)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path) % (uint)stripes.Length)];
        await stripe.WaitAsync();
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) stripe.Release();
        }
    }
}
