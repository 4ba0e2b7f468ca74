using System.Diagnostics;
using System.Net;
using Codecov.Tests.Support;

namespace Codecov.Gateway.Tests.Hosting;

/// <summary>
/// How the real executables start for someone following the README: a refused setting is one line naming
/// the key, and <c>dotnet run --project Gateway</c> keeps its data where it was typed.
/// </summary>
public sealed class StartupTests
{
    private static readonly string Gateway = BuildOutput.Assembly("Gateway", "Codecov.Gateway");
    private static readonly string Silo = BuildOutput.Assembly("Silo", "Codecov.Silo");

    [Theory]
    [InlineData("Codecov__AdminToken", "admin", "Codecov:AdminToken")]
    [InlineData("Hosting__Mode", "Swarm", "Hosting:Mode")]
    [InlineData("Codecov__MaxUploadBytes", "lots", "Codecov:MaxUploadBytes")]
    [InlineData("Codecov__PublicUrl", "cov.example.com", "Codecov:PublicUrl")]
    [InlineData("Embedded__SiloPort", "0", "Embedded:SiloPort")]
    [InlineData("Storage__DataDirectory", "", "Storage:DataDirectory")]
    [InlineData("Notifications__CiMaxRetries", "500", "Notifications:CiMaxRetries")]
    public async Task A_refused_setting_stops_the_gateway_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var (exitCode, output) = await RunToExitAsync(Gateway, new() { [variable] = value });

        Assert.Equal(78, exitCode);
        var line = Assert.Single(output);
        Assert.StartsWith("Configuration refused: ", line);
        Assert.Contains(key, line);
    }

    [Theory]
    [InlineData("Gateway")]
    [InlineData("Silo")]
    public async Task Cluster_mode_without_its_servers_names_every_missing_key_on_one_line(string process)
    {
        var (exitCode, output) = await RunToExitAsync(process == "Gateway" ? Gateway : Silo, new() { ["Hosting__Mode"] = "Cluster" });

        Assert.Equal(78, exitCode);
        var line = Assert.Single(output);
        Assert.Contains("ConnectionStrings:Postgres", line);
        Assert.Contains("S3:Endpoint", line);
    }

    [Fact]
    public async Task Dotnet_run_keeps_data_in_the_directory_it_was_typed_in_and_says_where()
    {
        var here = Directory.CreateTempSubdirectory("codecov-newcomer-").FullName;
        var port = FreePort.Next();
        var configuration = Gateway.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(BuildOutput.RepositoryRoot, "Gateway"), "-c", configuration, "--no-build"])
        {
            WorkingDirectory = here,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Embedded__SiloPort"] = FreePort.Next().ToString();
        start.Environment["Embedded__GatewayPort"] = FreePort.Next().ToString();
        start.Environment["Notifications__Enabled"] = "false";
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync(port, process, output);

            Assert.True(File.Exists(Path.Combine(here, "data", "site-secrets.json")), string.Join('\n', output));
            Assert.Contains(output, line => line.Contains($"kept in {Path.Combine(here, "data")} (Storage:DataDirectory)", StringComparison.Ordinal));
            // Orleans' option dumps sit below the default level.
            Assert.DoesNotContain(output, line => line.Contains("OptionsLogger", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(here, recursive: true);
        }
    }

    private static async Task<(int ExitCode, List<string> Output)> RunToExitAsync(string assembly, Dictionary<string, string> settings)
    {
        var data = Directory.CreateTempSubdirectory("codecov-refused-").FullName;
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Embedded__GatewayPort"] = FreePort.Next().ToString();
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        var lines = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (process.ExitCode, lines);
    }

    private static async Task WaitUntilReadyAsync(int port, Process process, IEnumerable<string> output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"dotnet run exited with {process.ExitCode}:\n{string.Join('\n', output)}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("dotnet run did not become ready:\n" + string.Join('\n', output));
    }
}
