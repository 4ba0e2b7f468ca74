namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>One embedded-mode Gateway process (gateway and silo in one, data in a directory).</summary>
public sealed class EmbeddedGatewayFixture : GatewayFixture
{
    private GatewayProcess? gateway;

    private GatewayProcess Gateway => gateway ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override string BaseUrl => Gateway.BaseUrl;

    public override string GlobalToken => Gateway.GlobalToken;

    public override string AdminToken => Gateway.AdminToken;

    public override string Output => gateway?.Output ?? "";

    public override Task InitializeAsync()
    {
        gateway = new GatewayProcess(Settings());
        return gateway.StartAsync();
    }

    public override Task RestartGatewayAsync() => Gateway.RestartAsync();

    /// <summary>Embedded mode has nothing to share: the other gateway is a deployment of its own.</summary>
    public override async Task<ExtraGateway> StartGatewayAsync(IReadOnlyDictionary<string, string> settings)
    {
        var other = new GatewayProcess(Merge(Settings(), settings));
        await other.StartAsync();
        return new ExtraGateway(other.BaseUrl, other.GlobalToken, () => other.DisposeAsync().AsTask());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (gateway is not null) await gateway.DisposeAsync();
    }

    private Dictionary<string, string> Settings() => new() { [WebhookSecretSetting] = WebhookSecret };
}
