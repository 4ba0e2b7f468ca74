using Microsoft.AspNetCore.Authentication;

namespace Codecov.Gateway.Auth;

/// <summary>Authentication schemes, authorization policies and the repository access decision.</summary>
public static class AccessExtensions
{
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(AdminTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(AdminTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.SiteAdmin, policy => policy.RequireClaim(AccessClaims.SiteAdmin, "true"));
        builder.Services.AddSingleton<IRepositoryAccess, SiteRepositoryAccess>();
        return builder;
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
