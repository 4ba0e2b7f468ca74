using Codecov.Gateway.Auth;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// What every <c>/upload/{service}/{slug}/…</c> route checks first: a token, a known git service,
/// a decodable slug, and a token that may upload to that repository (protocol §0, §7).
/// </summary>
public sealed class CliUploadGate(UploadAuthenticator authenticator)
{
    /// <param name="tokenless">
    /// Whether the route has Codecov's tokenless auth class; the routes without it (empty-upload,
    /// upload-complete) answer a missing token with a different 401 message (§7.6).
    /// </param>
    public async Task<(RepositoryInfo? Repository, CodecovError? Error)> EnterAsync(
        HttpRequest request, string service, string encodedSlug, bool tokenless = true)
    {
        var token = UploadTokenReader.ForCliRoutes(
            request.Headers.Authorization,
            request.Query[UploadTokenReader.TokenQueryKey],
            request.Headers[UploadTokenReader.UploadTokenHeader]);
        var unauthenticated = CodecovError.Detail(
            StatusCodes.Status401Unauthorized,
            tokenless ? CodecovError.NotValidTokenless : CodecovError.FailedTokenAuthentication);
        if (token is null) return (null, unauthenticated);
        if (!GitServices.IsKnown(service)) return (null, CodecovError.Validation($"Service not found: {service}"));

        var pathRepository = RepositorySlugs.DecodeEncoded(service, encodedSlug);
        if (pathRepository is null) return (null, CodecovError.Validation("Repository not found"));

        return await authenticator.ForPathRepositoryAsync(token, pathRepository) switch
        {
            UploadAuthentication.Authenticated authenticated => (authenticated.Repository, null),
            UploadAuthentication.WrongRepository => (null, CodecovError.Detail(StatusCodes.Status403Forbidden, CodecovError.NoPermission)),
            // Tokenless public-repository uploads (§7.1, §7.6) would be decided here.
            _ => (null, unauthenticated),
        };
    }
}
