using Codecov.Gateway.Api;
using Codecov.Gateway.Auth;
using Codecov.Gateway.Options;
using Codecov.Gateway.Uploads;
using Codecov.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway;

/// <summary>Registers the gateway's options and HTTP-edge services (the host adds Orleans and the object store).</summary>
public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CodecovOptions>(CodecovOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<CodecovOptions>, CodecovOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Hosting.RequestBodyFaultHandler>();
        builder.Services.AddExceptionHandler<Hosting.TransientFaultHandler>();
        builder.Services.AddOptions<Webhooks.WebhookOptions>().BindConfiguration(Webhooks.WebhookOptions.SectionName);

        builder.Services.AddPublicUrl();
        builder.Services.AddSingleton<Hosting.PublicUrls>();
        builder.Services.AddSingleton(CreateSigner);
        builder.Services.AddSingleton<UploadAuthenticator>();
        builder.Services.AddSingleton<UploadRegistrar>();
        builder.Services.AddSingleton<UploadTargets>();
        builder.Services.AddSingleton<PayloadIntake>();
        builder.Services.AddSingleton<CliUploadGate>();
        builder.Services.AddSingleton<LegacyUploadFlow>();
        builder.Services.AddSingleton<ApiAccess>();
        builder.Services.AddApiDocument();
        return builder;
    }

    private static UploadUrlSigner CreateSigner(IServiceProvider services)
    {
        var key = services.GetRequiredService<IOptions<CodecovOptions>>().Value.UploadSigningKey;
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException("Codecov:UploadSigningKey is not set; the host must configure or generate it before uploads are served.");
        }

        return new UploadUrlSigner(key, services.GetRequiredService<TimeProvider>());
    }
}
