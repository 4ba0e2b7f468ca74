using Codecov.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedSilo();

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok());
app.Run();
