using Codecov.Gateway;
using Codecov.Gateway.Api;
using Codecov.Gateway.Uploads;
using Codecov.Gateway.Hosting;
using Codecov.Gateway.Operators;
using Codecov.Gateway.Webhooks;
using Codecov.Silo.Hosting;

return ConfiguredHost.Run(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHostDefaults();
    builder.AddHostingMode();
    builder.AddGatewayServices();
    builder.Services.AddReadiness();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.MapHealthEndpoints();
    app.MapSiloEndpoints();
    app.MapUploadEndpoints();
    app.MapApiEndpoints();
    app.MapValidateEndpoints();
    app.MapWebhookEndpoints();
    return app;
});
