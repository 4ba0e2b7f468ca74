using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace Codecov.Grains.Storage;

/// <summary>
/// Cluster mode's object store: one object per key in an S3-compatible bucket, through the Minio SDK.
/// A completed S3 PUT is durable, so a completed <see cref="PutAsync"/> is too. Bodies are streamed
/// both ways; an upload of unknown length is spooled to a temporary file first, because S3 needs
/// the length up front and the whole body must never sit in memory.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDirectUploadUrls, IDisposable
{
    private const int BufferSize = 81920;
    private const string ContentType = "application/octet-stream";

    private const int PresignedReadLifetimeSeconds = 600;

    private readonly IMinioClient client;
    private readonly HttpClient http;
    private readonly string bucket;
    private readonly TimeSpan requestTimeout;
    private Task? bucketReady;

    public S3ObjectStore(IOptions<S3Options> options)
    {
        var settings = options.Value;
        bucket = settings.Bucket;
        requestTimeout = settings.RequestTimeout;
        client = new MinioClient()
            .WithEndpoint(settings.Endpoint)
            .WithRegion(settings.Region)
            .WithCredentials(settings.AccessKey, settings.SecretKey)
            .WithSSL(settings.UseSsl)
            .WithTimeout((int)settings.RequestTimeout.TotalMilliseconds)
            .Build();
        // Reads go through presigned URLs (see GetAsync); the timeout bounds the wait for the answer's headers.
        http = new HttpClient { Timeout = settings.RequestTimeout };
    }

    /// <summary>
    /// Creates the bucket when it does not exist yet. Callers share one attempt; a failed attempt is
    /// forgotten, so a store that was unreachable at first recovers once the server is back.
    /// </summary>
    public Task EnsureBucketAsync()
    {
        var current = Volatile.Read(ref bucketReady);
        if (current is { IsFaulted: false, IsCanceled: false }) return current;
        var attempt = CreateBucketIfMissingAsync(CancellationToken.None);
        return Interlocked.CompareExchange(ref bucketReady, attempt, current) == current ? attempt : bucketReady!;
    }

    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        if (content.CanSeek) return await PutKnownLengthAsync(key, content, content.Length - content.Position, cancellationToken);

        await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None,
            BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await content.CopyToAsync(spool, BufferSize, cancellationToken);
        spool.Position = 0;
        return await PutKnownLengthAsync(key, spool, spool.Length, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        var response = await GetAsync(key, range: null, cancellationToken);
        if (response is null) return null;
        try
        {
            return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken), requestTimeout);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        // A one-byte ranged GET: a presigned URL is signed for one method, so HEAD would need its own
        // signature scheme; the SDK's StatObject would first list the bucket (see GetAsync).
        using var response = await GetAsync(key, range: (0, 0), cancellationToken);
        return response is not null;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        // S3 answers a delete of a missing key with success, which is the idempotence IObjectStore promises.
        await CallAsync(ct => client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), ct), cancellationToken);
    }

    public async Task<string> PresignPutAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        // S3 caps presigned URLs at 7 days (SigV4 X-Amz-Expires).
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(7))
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A presigned URL lives between 1 second and 7 days.");
        await EnsureBucketAsync();
        return await client.PresignedPutObjectAsync(new PresignedPutObjectArgs()
            .WithBucket(bucket).WithObject(key).WithExpiry((int)Math.Ceiling(lifetime.TotalSeconds)));
    }

    public void Dispose()
    {
        http.Dispose();
        client.Dispose();
    }

    private async Task<long> PutKnownLengthAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        await CallAsync(ct => client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(bucket).WithObject(key)
            .WithStreamData(content).WithObjectSize(length)
            .WithContentType(ContentType), ct), cancellationToken);
        return length;
    }

    /// <summary>
    /// A GET of the object through a URL the SDK presigns locally, or null when the object does not
    /// exist. Minio 7.0.0's GetObject and StatObject each check the bucket by listing it first, so every
    /// read cost a LIST, a HEAD and a GET; S3 bills a LIST at twelve times a GET, and S3-compatible
    /// servers that list from disk slow down as the bucket grows. One signed GET does the same work.
    /// </summary>
    private async Task<HttpResponseMessage?> GetAsync(string key, (long From, long To)? range, CancellationToken cancellationToken)
    {
        var url = await client.PresignedGetObjectAsync(new PresignedGetObjectArgs()
            .WithBucket(bucket).WithObject(key).WithExpiry(PresignedReadLifetimeSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (range is var (from, to)) request.Headers.Range = new RangeHeaderValue(from, to);
        var response = await CallAsync(ct => http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct), cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && range is not null)
            return response;
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new IOException($"The S3 endpoint answered GET {key} with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    /// <summary>
    /// Creating the bucket is tried first: an existing bucket answers with a code, in one cheap request.
    /// Minio 7.0.0's bucket-exists check lists the bucket, which grows slow with millions of reports,
    /// so it is the fallback only, for credentials not allowed to create buckets.
    /// </summary>
    private async Task CreateBucketIfMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(ct => client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), ct), cancellationToken);
        }
        catch (MinioException fault) when (fault.Response?.Code is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Ours already (another silo or gateway may have created it a moment ago). A bucket someone
            // else owns fails the first object request with the store's own access error.
        }
        catch (MinioException)
        {
            if (!await BucketExistsAsync(cancellationToken)) throw;
        }
    }

    private Task<bool> BucketExistsAsync(CancellationToken cancellationToken) =>
        CallAsync(ct => client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), ct), cancellationToken);

    private async Task CallAsync(Func<CancellationToken, Task> request, CancellationToken cancellationToken) =>
        await CallAsync(async ct => { await request(ct); return true; }, cancellationToken);

    /// <summary>
    /// One SDK request. The SDK reports its own request timeout as a cancellation; callers must see a
    /// fault they can retry, not a cancellation nobody asked for (a grain would swallow it as one).
    /// </summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request(cancellationToken);
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The S3 endpoint did not answer within {requestTimeout}.", timedOut);
        }
        catch (NullReferenceException sdkFault)
        {
            // Minio 7.0.0 dereferences the error body of a failed request; an error answered without a
            // body (a server shedding load) surfaces as this. It is a failed request, so say so.
            throw new IOException("The S3 endpoint answered a request with an error and no body.", sdkFault);
        }
    }
}
