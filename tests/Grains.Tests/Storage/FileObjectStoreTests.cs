using System.Text;
using Codecov.Grains.Storage;

namespace Codecov.Grains.Tests.Storage;

public sealed class FileObjectStoreTests : IDisposable
{
    private readonly TempDataDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task A_stored_object_reads_back_byte_for_byte_and_reports_its_length()
    {
        var store = new FileObjectStore(data.Options);
        var body = Encoding.UTF8.GetBytes("SF:src/a.c\nDA:1,3\nend_of_record\n");

        var written = await store.PutAsync("raw/github/acme/widgets/abc/u1.txt", new MemoryStream(body));

        Assert.Equal(body.Length, written);
        Assert.Equal(body, await ReadAllAsync(store, "raw/github/acme/widgets/abc/u1.txt"));
        Assert.True(File.Exists(Path.Combine(data.Path, "objects", "raw", "github", "acme", "widgets", "abc", "u1.txt")));
    }

    [Fact]
    public async Task A_put_replaces_the_previous_object_and_leaves_no_temp_file()
    {
        var store = new FileObjectStore(data.Options);
        await store.PutAsync("reports/r.json", new MemoryStream("first, longer content"u8.ToArray()));
        await store.PutAsync("reports/r.json", new MemoryStream("second"u8.ToArray()));

        Assert.Equal("second"u8.ToArray(), await ReadAllAsync(store, "reports/r.json"));
        Assert.Equal(["objects/reports/r.json"], data.Files());
    }

    [Fact]
    public async Task A_put_that_fails_midway_keeps_the_old_object_and_leaves_no_temp_file()
    {
        var store = new FileObjectStore(data.Options);
        await store.PutAsync("reports/r.json", new MemoryStream("complete"u8.ToArray()));

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("reports/r.json", new FailingStream(100_000)));

        Assert.Equal("complete"u8.ToArray(), await ReadAllAsync(store, "reports/r.json"));
        Assert.Equal(["objects/reports/r.json"], data.Files());
    }

    [Fact]
    public async Task A_first_put_that_fails_leaves_no_file_under_the_final_name()
    {
        var store = new FileObjectStore(data.Options);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("raw/x.txt", new FailingStream(10_000)));

        Assert.False(await store.ExistsAsync("raw/x.txt"));
        Assert.Empty(data.Files());
    }

    [Fact]
    public async Task A_reader_that_opened_before_a_replace_keeps_seeing_the_old_complete_object()
    {
        var store = new FileObjectStore(data.Options);
        await store.PutAsync("a/b", new MemoryStream("old"u8.ToArray()));
        await using var reader = (await store.OpenReadAsync("a/b"))!;

        await store.PutAsync("a/b", new MemoryStream("new"u8.ToArray()));

        var seen = new MemoryStream();
        await reader.CopyToAsync(seen);
        Assert.Equal("old"u8.ToArray(), seen.ToArray());
    }

    [Fact]
    public async Task A_large_body_is_streamed_from_an_unseekable_source()
    {
        var store = new FileObjectStore(data.Options);
        const long size = 32L * 1024 * 1024;

        var written = await store.PutAsync("raw/big.txt", new FailingStream(size, fail: false));

        Assert.Equal(size, written);
        Assert.Equal(size, new FileInfo(Path.Combine(data.Path, "objects", "raw", "big.txt")).Length);
    }

    [Fact]
    public async Task A_missing_object_is_null_not_found_and_deleting_it_is_harmless()
    {
        var store = new FileObjectStore(data.Options);

        Assert.Null(await store.OpenReadAsync("nothing/here"));
        Assert.False(await store.ExistsAsync("nothing/here"));
        await store.DeleteAsync("nothing/here");
    }

    [Fact]
    public async Task A_deleted_object_is_gone()
    {
        var store = new FileObjectStore(data.Options);
        await store.PutAsync("a/b", new MemoryStream([1, 2, 3]));

        await store.DeleteAsync("a/b");

        Assert.False(await store.ExistsAsync("a/b"));
        Assert.Null(await store.OpenReadAsync("a/b"));
    }

    [Fact]
    public async Task Objects_survive_a_new_store_over_the_same_directory()
    {
        await new FileObjectStore(data.Options).PutAsync("sessions/k/1.json", new MemoryStream("{}"u8.ToArray()));

        var restarted = new FileObjectStore(data.Options);

        Assert.True(await restarted.ExistsAsync("sessions/k/1.json"));
        Assert.Equal("{}"u8.ToArray(), await ReadAllAsync(restarted, "sessions/k/1.json"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("a/..")]
    [InlineData("./a")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("..\\escape")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a/.tmp-123")]
    public async Task Unsafe_keys_are_refused_by_every_operation(string key)
    {
        var store = new FileObjectStore(data.Options);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key));
        Assert.Empty(data.Files());
    }

    [Fact]
    public async Task Keys_with_dots_inside_a_segment_are_accepted()
    {
        var store = new FileObjectStore(data.Options);

        await store.PutAsync("raw/github/acme/my..repo/v1.2/report.json", new MemoryStream([7]));

        Assert.True(await store.ExistsAsync("raw/github/acme/my..repo/v1.2/report.json"));
    }

    private static async Task<byte[]> ReadAllAsync(IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key) ?? throw new InvalidOperationException($"{key} is missing");
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>An unseekable source of <c>length</c> bytes that fails (like a dropped connection) once they are read.</summary>
    private sealed class FailingStream(long length, bool fail = true) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position >= length)
            {
                if (fail) throw new IOException("connection reset");
                return 0;
            }
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
