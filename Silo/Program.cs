using Codecov.Silo.Hosting;
using Codecov.Silo.Migrations;

if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();

var app = builder.Build();
app.MapSiloHealthEndpoints();
app.Run();
return 0;
