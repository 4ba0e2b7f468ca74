using System.Security.Claims;
using System.Text.Encodings.Web;
using Codecov.Gateway.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;Codecov:AdminToken&gt;</c>: the operators' site-wide token. No header is
/// "no result" (another scheme may still authenticate the request); a wrong bearer token fails.
/// </summary>
public sealed class AdminTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<CodecovOptions> codecov,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "AdminToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var bearer = UploadTokenReader.SchemeValue(Request.Headers.Authorization, "bearer");
        if (bearer is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!SecretComparison.Matches(bearer, codecov.CurrentValue.AdminToken))
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not valid."));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "site administrator"), new Claim(AccessClaims.SiteAdmin, "true")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
