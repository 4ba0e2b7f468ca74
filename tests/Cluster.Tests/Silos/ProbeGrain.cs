using Orleans.Placement;
using Orleans.Runtime;

namespace Codecov.Cluster.Tests.Silos;

/// <summary>Test-only grain: tells where it runs and counts the ticks of its reminder.</summary>
[Alias("Codecov.Cluster.Tests.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Silo")]
    Task<string> SiloAsync();

    [Alias("StartReminder")]
    Task StartReminderAsync(TimeSpan due, TimeSpan period);

    [Alias("StopReminder")]
    Task StopReminderAsync();

    [Alias("Ticks")]
    Task<int> TicksAsync();
}

// Random placement, so a handful of activations lands on both silos whatever their load.
[RandomPlacement]
public sealed class ProbeGrain(ILocalSiloDetails silo) : Grain, IProbeGrain, IRemindable
{
    public const string ReminderName = "probe";
    private int ticks;

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloAddress.ToString());

    public async Task StartReminderAsync(TimeSpan due, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, due, period);

    public async Task StopReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public Task<int> TicksAsync() => Task.FromResult(ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName) ticks++;
        return Task.CompletedTask;
    }
}
