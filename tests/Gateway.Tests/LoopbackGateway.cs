using Codecov.Gateway.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Codecov.Gateway.Tests;

/// <summary>The gateway's services on a real Kestrel on a free loopback port, with the routes a test maps.</summary>
internal sealed class LoopbackGateway : IAsyncDisposable
{
    private LoopbackGateway(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<LoopbackGateway> StartAsync(Action<IServiceCollection> services, Action<WebApplication> routes)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Codecov:UploadSigningKey"] = "loopback-test-signing-key-loopback-test-signing-key",
        });
        builder.AddGatewayServices();
        builder.AddAccess();
        services(builder.Services);
        var app = builder.Build();
        routes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackGateway(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
