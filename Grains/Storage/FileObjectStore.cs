using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>
/// The embedded-mode object store: one file per key under <c>&lt;DataDirectory&gt;/objects/</c>.
/// A put is atomic (see <see cref="AtomicFile"/>), so a reader never sees half an object.
/// </summary>
public sealed class FileObjectStore : IObjectStore
{
    private const int BufferSize = 81920;
    private readonly string root;

    public FileObjectStore(IOptions<StorageOptions> options)
    {
        root = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "objects"));
        Directory.CreateDirectory(root);
    }

    public async Task<long> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        return await AtomicFile.WriteAsync(path, (file, ct) => content.CopyToAsync(file, BufferSize, ct), cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        AtomicFile.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        ObjectKeyRules.Validate(key);
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}

/// <summary>What a key may look like: relative, <c>/</c>-separated, with no way to climb out of the store.</summary>
internal static class ObjectKeyRules
{
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw Invalid(key, "it is empty");
        if (key.Contains('\\')) throw Invalid(key, "it contains a backslash");
        if (key.Contains('\0')) throw Invalid(key, "it contains a NUL character");
        if (key[0] == '/' || Path.IsPathRooted(key)) throw Invalid(key, "it is an absolute path");
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0) throw Invalid(key, "it has an empty segment");
            if (segment is "." or "..") throw Invalid(key, $"it has a '{segment}' segment");
            if (segment.StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal)) throw Invalid(key, "a segment starts with the temp-file prefix");
        }
    }

    private static ArgumentException Invalid(string key, string reason) =>
        new($"Object key '{key}' is refused: {reason}.", nameof(key));
}
