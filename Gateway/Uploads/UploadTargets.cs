using Codecov.Gateway.Hosting;
using Codecov.Gateway.Options;
using Codecov.Grains;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Uploads;

/// <summary>The dashboard and PUT URLs of one new upload.</summary>
public sealed record UploadTarget(string DashboardUrl, string PutUrl);

/// <summary>
/// Pairs a new upload's PUT URL with the commit's dashboard URL. The PUT URL is this gateway's signed
/// endpoint, or in <see cref="UploadModes.DirectS3"/> a presigned S3 URL, after the upload grain was told
/// to watch storage for it (so no URL is handed out for a payload nobody waits for).
/// </summary>
public sealed class UploadTargets(
    UploadUrlSigner signer,
    PublicUrls publicUrls,
    IOptionsMonitor<CodecovOptions> options,
    IGrainFactory grains,
    IDirectUploadUrls? directUrls = null)
{
    public async Task<UploadTarget> ForAsync(HttpRequest request, UploadKey upload)
    {
        var settings = options.CurrentValue;
        var links = new UploadLinks(publicUrls.For(request));
        var dashboard = links.Dashboard(upload.Commit);
        if (settings.UploadMode != UploadModes.DirectS3)
        {
            return new UploadTarget(dashboard, links.Put(upload, signer.Sign(upload.ToString(), settings.UploadUrlLifetime)));
        }

        var store = directUrls ?? throw new InvalidOperationException(DirectUploadModeValidator.NeedsS3);
        var objectKey = ObjectKeys.RawUpload(upload);
        var url = await store.PresignPutAsync(objectKey, settings.UploadUrlLifetime, request.HttpContext.RequestAborted);
        await grains.GetGrain<IUploadGrain>(upload.ToString()).AwaitPayloadAsync(objectKey);
        return new UploadTarget(dashboard, url);
    }
}

/// <summary>Refuses <c>Codecov:UploadMode=DirectS3</c> at start when the process has no S3 store to presign with.</summary>
public sealed class DirectUploadModeValidator(IServiceProvider services) : IValidateOptions<CodecovOptions>
{
    internal const string NeedsS3 = "Codecov:UploadMode=DirectS3 needs the S3 object store of Hosting:Mode=Cluster.";

    public ValidateOptionsResult Validate(string? name, CodecovOptions options) =>
        options.UploadMode == UploadModes.DirectS3 && services.GetService<IDirectUploadUrls>() is null
            ? ValidateOptionsResult.Fail(NeedsS3)
            : ValidateOptionsResult.Success;
}
