using Codecov.Silo.Hosting;
using Codecov.Silo.Migrations;

if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(args);

return ConfiguredHost.Run(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddHostDefaults();
    builder.AddSilo();

    var app = builder.Build();
    app.MapSiloHealthEndpoints();
    return app;
});
