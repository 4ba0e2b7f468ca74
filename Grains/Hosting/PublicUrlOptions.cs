using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Hosting;

/// <summary>
/// <c>Codecov:PublicUrl</c>: the one setting that names where people and uploaders reach this service. Every
/// dashboard link (upload answers, statuses, comments, the API) and every upload URL is built under it by
/// <see cref="DashboardUrls"/>; silos and gateways of a cluster read the same key.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "Codecov";

    public const string Key = "Codecov:PublicUrl";

    /// <summary>The key this setting had on the notification side; still read when <see cref="Key"/> is unset.</summary>
    public const string FormerKey = "Notifications:DashboardUrl";

    /// <summary>Links in statuses and comments when nothing is set: the embedded gateway's default address.</summary>
    public const string Fallback = "http://localhost:8080";

    public string? PublicUrl { get; set; }

    /// <summary>
    /// URLs under <see cref="PublicUrl"/>; when it is unset, under <paramref name="requestBase"/> (a gateway
    /// answering a request uses the address the client reached it by) or <see cref="Fallback"/>.
    /// </summary>
    public DashboardUrls DashboardUrls(string? requestBase = null) =>
        new(string.IsNullOrWhiteSpace(PublicUrl) ? requestBase ?? Fallback : PublicUrl);
}

public sealed class PublicUrlOptionsValidator : IValidateOptions<PublicUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicUrlOptions options)
    {
        if (string.IsNullOrEmpty(options.PublicUrl)) return ValidateOptionsResult.Success;
        var valid = Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
        return valid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PublicUrlOptions.Key} '{options.PublicUrl}' must be an absolute http(s) URL without query or fragment.");
    }
}

public static class PublicUrlExtensions
{
    /// <summary>Binds and validates <c>Codecov:PublicUrl</c>, and registers the <see cref="DashboardUrls"/> of processes without a request at hand.</summary>
    public static IServiceCollection AddPublicUrl(this IServiceCollection services)
    {
        services.AddOptions<PublicUrlOptions>()
            .BindConfiguration(PublicUrlOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.PublicUrl)) options.PublicUrl = configuration[PublicUrlOptions.FormerKey];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublicUrlOptions>, PublicUrlOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PublicUrlOptions>>().Value.DashboardUrls());
        return services;
    }
}
