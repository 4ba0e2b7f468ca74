using Microsoft.Net.Http.Headers;

namespace Codecov.Gateway.Web;

/// <summary>The dashboard: Razor components rendered on the server (static SSR), plus its static assets.</summary>
public static class WebExtensions
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        return builder;
    }

    /// <summary>
    /// A browser that lands on no route gets the dashboard's not-found page; API clients keep their
    /// empty or ProblemDetails bodies.
    /// </summary>
    public static WebApplication UseWebErrorPages(this WebApplication app)
    {
        app.UseWhen(AcceptsHtml, branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing runs after the status-code pages, so a re-executed request is routed afresh.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }

    private static bool AcceptsHtml(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
