using Codecov.Grains;
using Codecov.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Hosting;

/// <summary>
/// The <see cref="DashboardUrls"/> a request's answer is written with: under <c>Codecov:PublicUrl</c>, or,
/// when it is unset, under the scheme, host and path base the client reached this gateway by, so the URLs
/// handed out work behind whatever name the gateway answers to.
/// </summary>
public sealed class PublicUrls(IOptionsMonitor<PublicUrlOptions> options)
{
    public DashboardUrls For(HttpRequest request) =>
        options.CurrentValue.DashboardUrls($"{request.Scheme}://{request.Host}{request.PathBase}");
}
