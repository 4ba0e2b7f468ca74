using Codecov.Silo.Hosting;
using Codecov.Silo.Migrations;

if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(args);

return ConfiguredHost.Run(
    () =>
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHostDefaults();
        builder.AddSilo();
        return builder.Build();
    },
    app => app.MapSiloHealthEndpoints());
