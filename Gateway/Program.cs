using Codecov.Gateway;
using Codecov.Gateway.Api;
using Codecov.Gateway.Auth;
using Codecov.Gateway.Uploads;
using Codecov.Gateway.Hosting;
using Codecov.Gateway.Operators;
using Codecov.Gateway.Web;
using Codecov.Gateway.Webhooks;
using Codecov.Silo.Hosting;

return ConfiguredHost.Run(
    () =>
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHostDefaults();
        builder.AddHostingMode();
        builder.AddGatewayServices();
        builder.AddAccess();
        builder.AddWeb();
        builder.Services.AddReadiness();
        return builder.Build();
    },
    app =>
    {
        app.UseExceptionHandler();
        app.UseWebErrorPages();
        app.UseAccess();
        app.MapHealthEndpoints();
        app.MapSiloEndpoints();
        app.MapUploadEndpoints();
        app.MapApiEndpoints();
        app.MapApiDocument();
        app.MapValidateEndpoints();
        app.MapWebhookEndpoints();
        app.MapWeb();
    });
