using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Silo.Hosting;

/// <summary>
/// Ready from the moment the silo is active in the cluster until the host starts stopping. On SIGTERM it
/// turns false first and holds <see cref="HostingOptions.DrainDelay"/> before the web server and silo
/// stop, so a load balancer stops routing before the silo hands its grains over.
/// </summary>
public sealed class SiloReadiness(IOptions<HostingOptions> options) : IHostedLifecycleService, ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool active;
    private volatile bool draining;

    public bool IsReady => active && !draining;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloReadiness), ServiceLifecycleStage.Active,
            _ => { active = true; return Task.CompletedTask; },
            _ => { active = false; return Task.CompletedTask; });

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        draining = true;
        await Task.Delay(options.Value.DrainDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
