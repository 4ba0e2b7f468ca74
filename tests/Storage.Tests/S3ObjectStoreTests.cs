using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Codecov.Grains.Storage;
using Codecov.Storage.Tests.Servers;
using Microsoft.Extensions.Options;

namespace Codecov.Storage.Tests;

/// <summary>The <see cref="IObjectStore"/> contract, on a real S3-compatible server (s3rver) through the Minio SDK.</summary>
[Collection(S3Collection.Name)]
public sealed class S3ObjectStoreTests(S3ServerFixture s3)
{
    [Fact]
    public async Task A_stored_object_reads_back_byte_for_byte()
    {
        using var store = s3.NewStore();

        var written = await store.PutAsync("raw/a/b/one.txt", Bytes("SF:a.c\nDA:1,1\nend_of_record\n"));

        Assert.Equal(28, written);
        Assert.Equal("SF:a.c\nDA:1,1\nend_of_record\n", await ReadTextAsync(store, "raw/a/b/one.txt"));
        Assert.True(await store.ExistsAsync("raw/a/b/one.txt"));
    }

    [Fact]
    public async Task Putting_a_key_again_replaces_the_object()
    {
        using var store = s3.NewStore();
        await store.PutAsync("k/replace", Bytes("first version, longer"));

        await store.PutAsync("k/replace", Bytes("second"));

        Assert.Equal("second", await ReadTextAsync(store, "k/replace"));
    }

    [Fact]
    public async Task A_missing_object_opens_as_null_and_does_not_exist()
    {
        using var store = s3.NewStore();

        Assert.Null(await store.OpenReadAsync("never/written"));
        Assert.False(await store.ExistsAsync("never/written"));
    }

    [Fact]
    public async Task An_empty_object_exists_and_reads_back_empty()
    {
        using var store = s3.NewStore();
        await store.PutAsync("k/empty", Bytes(""));

        Assert.True(await store.ExistsAsync("k/empty"));
        Assert.Equal("", await ReadTextAsync(store, "k/empty"));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout_the_caller_can_retry_not_a_cancellation()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var options = s3.NewBucketOptions();
        options.Endpoint = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        options.RequestTimeout = TimeSpan.FromMilliseconds(500);
        using var store = new S3ObjectStore(Options.Create(options));

        var fault = await Assert.ThrowsAsync<TimeoutException>(() => store.ExistsAsync("k/any"));

        Assert.Contains("did not answer", fault.Message);
    }

    [Fact]
    public async Task A_deleted_object_is_gone_and_deleting_again_succeeds()
    {
        using var store = s3.NewStore();
        await store.PutAsync("k/delete", Bytes("x"));

        await store.DeleteAsync("k/delete");
        await store.DeleteAsync("k/delete");

        Assert.Null(await store.OpenReadAsync("k/delete"));
    }

    [Fact]
    public async Task A_large_body_of_unknown_length_is_streamed_in_and_out_intact()
    {
        using var store = s3.NewStore();
        const long size = 13L * 1024 * 1024 + 17; // past the SDK's 5 MiB multipart threshold

        var written = await store.PutAsync("big/body", new GeneratedStream(size, seed: 7));

        Assert.Equal(size, written);
        await using var read = await store.OpenReadAsync("big/body");
        Assert.Equal(await HashAsync(new GeneratedStream(size, seed: 7)), await HashAsync(read!));
    }

    [Fact]
    public async Task A_presigned_PUT_from_a_plain_HTTP_client_lands_in_the_store()
    {
        using var store = s3.NewStore();
        var url = await store.PresignPutAsync("raw/direct/upload.txt", TimeSpan.FromMinutes(5));

        using var http = new HttpClient();
        using var response = await http.PutAsync(url, new StringContent("presigned body"));

        Assert.True(response.IsSuccessStatusCode, $"PUT {url} answered {(int)response.StatusCode}");
        Assert.Equal("presigned body", await ReadTextAsync(store, "raw/direct/upload.txt"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    public async Task Keys_that_could_escape_their_prefix_are_refused(string key)
    {
        using var store = s3.NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, Bytes("x")));
    }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadTextAsync(IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key) ?? throw new Xunit.Sdk.XunitException($"{key} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<string> HashAsync(Stream stream) => Convert.ToHexString(await SHA256.HashDataAsync(stream));
}

/// <summary>A forward-only stream of <c>size</c> pseudo-random bytes: the shape of a request body, whose length is unknown.</summary>
internal sealed class GeneratedStream(long size, int seed) : Stream
{
    private readonly Random random = new(seed);
    private long remaining = size;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, remaining);
        random.NextBytes(buffer.AsSpan(offset, n));
        remaining -= n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
