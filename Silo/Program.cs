using Codecov.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();

var app = builder.Build();
app.MapSiloHealthEndpoints();
app.Run();
