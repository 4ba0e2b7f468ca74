using Codecov.Gateway.Hosting;
using Codecov.Gateway.Options;
using Codecov.Grains;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Uploads;

public enum IntakeOutcome
{
    Stored,
    TooLarge,

    /// <summary>The body arrived slower than Kestrel's minimum data rate and was not read to its end.</summary>
    TimedOut,
}

/// <summary>
/// Streams an upload body into the object store, then tells the upload grain. Only when both are
/// done is the upload acknowledged: an acknowledged upload is a stored upload.
/// </summary>
public sealed class PayloadIntake(IObjectStore store, IGrainFactory grains, IOptionsMonitor<CodecovOptions> options)
{
    /// <summary>
    /// Stores the bytes exactly as received (gzip included): the upload grain's reader gunzips a body
    /// that starts with <c>1f 8b</c> (protocol §5a), so nothing is lost by not decoding here.
    /// </summary>
    public async Task<IntakeOutcome> AcceptAsync(HttpContext context, UploadKey upload)
    {
        var limit = options.CurrentValue.MaxUploadBytes;
        if (context.Request.ContentLength > limit) return IntakeOutcome.TooLarge;
        LiftServerBodyLimit(context, limit);

        var objectKey = ObjectKeys.RawUpload(upload);
        try
        {
            await store.PutAsync(objectKey, new SizeLimitedStream(context.Request.Body, limit), context.RequestAborted);
        }
        catch (Exception e) when (e is PayloadTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await store.DeleteAsync(objectKey, CancellationToken.None);
            return IntakeOutcome.TooLarge;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            await store.DeleteAsync(objectKey, CancellationToken.None);
            return IntakeOutcome.TimedOut;
        }

        // Accepting is idempotent, so a silo dying under the call is retried here rather than failing the PUT.
        var grain = grains.GetGrain<IUploadGrain>(upload.ToString());
        await TransientFaults.RetryAsync(() => grain.AcceptPayloadAsync(objectKey));
        return IntakeOutcome.Stored;
    }

    // Kestrel's default 30 MB cap would answer before our own limit; ours counts one byte past it.
    private static void LiftServerBodyLimit(HttpContext context, long limit)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit + 1;
    }
}
