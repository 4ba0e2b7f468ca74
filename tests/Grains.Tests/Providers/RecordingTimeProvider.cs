namespace Codecov.Grains.Tests.Providers;

/// <summary>
/// Real clock, but every timer (so every <c>Task.Delay</c> through it) fires after a millisecond and
/// its requested delay is recorded: retry tests see the backoff without waiting for it.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (delays)
            {
                return delays.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (delays)
        {
            delays.Add(dueTime);
        }
        return System.CreateTimer(callback, state, TimeSpan.FromMilliseconds(1), period);
    }
}
