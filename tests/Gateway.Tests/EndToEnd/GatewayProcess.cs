using Codecov.Tests.Support;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// The real Gateway executable in embedded mode, on a loopback port, with its own data directory.
/// Restarting keeps the data directory, so a test can prove that nothing is lost.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly ServiceProcess process;

    public GatewayProcess(IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("codecov-e2e-").FullName;
        process = new ServiceProcess("gateway", BuildOutput.Assembly("Gateway", "Codecov.Gateway"), DataDirectory, FreePort.Next());
        var environment = process.Environment;
        environment["Storage__DataDirectory"] = DataDirectory;
        environment["Codecov__GlobalUploadToken"] = GlobalToken;
        environment["Codecov__AdminToken"] = AdminToken;
        environment["Embedded__SiloPort"] = FreePort.Next().ToString();
        environment["Embedded__GatewayPort"] = FreePort.Next().ToString();
        // The fixtures were generated earlier; Codecov would reject them as too old (protocol §10.8).
        environment["Processing__MaxReportAgeHours"] = "0";
        // No git provider here; notification tests bring their own loopback GitHub.
        environment["Notifications__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
    }

    public string DataDirectory { get; }
    public int Port => process.HttpPort;
    public string BaseUrl => process.BaseUrl;
    public string GlobalToken { get; } = "global-" + Guid.NewGuid().ToString("N");
    public string AdminToken { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string Output => process.Output;

    /// <summary>
    /// Starts the process; when a port picked as free was taken meanwhile (test projects run in
    /// parallel), picks new ports and tries again.
    /// </summary>
    public Task StartAsync() => process.StartOnFreePortsAsync(p =>
    {
        p.Environment["Embedded__SiloPort"] = FreePort.Next().ToString();
        p.Environment["Embedded__GatewayPort"] = FreePort.Next().ToString();
    });

    /// <summary>Stops the process as an operator would (SIGTERM), waiting for a graceful exit.</summary>
    public Task StopAsync() => process.StopAsync();

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
