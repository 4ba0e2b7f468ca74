using Microsoft.OpenApi;

namespace Codecov.Gateway.Api;

/// <summary>The OpenAPI document of every HTTP endpoint (API v2, uploads, webhooks, operators), served at <c>/openapi/v1.json</c>.</summary>
public static class ApiDocument
{
    public const string Path = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Codecov-compatible coverage service",
                Version = "v2",
                Description = "Codecov's API v2 paths and shapes (paginated with count, next, previous, results, total_pages; " +
                              "page and page_size), Codecov's upload endpoints, and this service's own additions. " +
                              "Authorization: Bearer <admin token> reads private repositories; public ones need none.",
            };
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi(Path);
        return routes;
    }
}
