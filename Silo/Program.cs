using Codecov.Silo.Hosting;
using Codecov.Silo.Migrations;

if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedSilo();

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok());
app.Run();
return 0;
