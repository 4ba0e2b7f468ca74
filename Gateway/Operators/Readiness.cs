namespace Codecov.Gateway.Operators;

/// <summary>
/// Ready once the co-hosted silo has started (this service starts after it) and until shutdown
/// begins, so a load balancer stops sending uploads before the process drains.
/// </summary>
public sealed class Readiness(IHostApplicationLifetime lifetime) : IHostedService
{
    private volatile bool started;

    public bool IsReady => started && !lifetime.ApplicationStopping.IsCancellationRequested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        started = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        started = false;
        return Task.CompletedTask;
    }
}
