using System.IO.Pipelines;
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

    private readonly IMinioClient client;
    private readonly string bucket;
    private Task? bucketReady;

    public S3ObjectStore(IOptions<S3Options> options)
    {
        var settings = options.Value;
        bucket = settings.Bucket;
        client = new MinioClient()
            .WithEndpoint(settings.Endpoint)
            .WithRegion(settings.Region)
            .WithCredentials(settings.AccessKey, settings.SecretKey)
            .WithSSL(settings.UseSsl)
            .WithTimeout((int)settings.RequestTimeout.TotalMilliseconds)
            .Build();
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
        if (!await ExistsAsync(key, cancellationToken)) return null;
        var pipe = new Pipe();
        _ = DownloadIntoAsync(key, pipe.Writer, cancellationToken);
        return pipe.Reader.AsStream();
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        try
        {
            await client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            // Only a missing object means "no object"; a missing bucket or bad credentials are faults and surface.
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeyRules.Validate(key);
        await EnsureBucketAsync();
        // S3 answers a delete of a missing key with success, which is the idempotence IObjectStore promises.
        await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);
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

    public void Dispose() => client.Dispose();

    private async Task<long> PutKnownLengthAsync(string key, Stream content, long length, CancellationToken cancellationToken)
    {
        await client.PutObjectAsync(new PutObjectArgs()
            .WithBucket(bucket).WithObject(key)
            .WithStreamData(content).WithObjectSize(length)
            .WithContentType(ContentType), cancellationToken);
        return length;
    }

    /// <summary>
    /// Copies the object into <paramref name="writer"/> as it arrives; stops early once the reader is
    /// disposed, and hands any failure to the reader so a broken download never looks like a short object.
    /// </summary>
    private async Task DownloadIntoAsync(string key, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(key)
                .WithCallbackStream((body, ct) => CopyAsync(body, writer, ct)), cancellationToken);
            await writer.CompleteAsync();
        }
        catch (Exception fault)
        {
            await writer.CompleteAsync(fault);
        }
    }

    private static async Task CopyAsync(Stream body, PipeWriter writer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(writer.GetMemory(BufferSize), cancellationToken);
            if (read == 0) return;
            writer.Advance(read);
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted) return;
        }
    }

    private async Task CreateBucketIfMissingAsync(CancellationToken cancellationToken)
    {
        if (await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken)) return;
        try
        {
            await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
        }
        catch (MinioException)
        {
            // Another silo or gateway starting at the same moment may have created it first.
            if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken)) throw;
        }
    }
}
