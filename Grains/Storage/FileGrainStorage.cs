using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Codecov.Grains.Storage;

/// <summary>
/// Embedded-mode grain storage: one file per grain state under
/// <c>&lt;DataDirectory&gt;/grains/&lt;stateName&gt;/&lt;grain file name&gt;</c>. Each file holds a
/// header line with its ETag, then the serialized state. Writes are atomic (<see cref="AtomicFile"/>)
/// and check the ETag, like the Redis provider used in cluster mode (orleans-notes §1.3).
/// Clear deletes the file, so a cleared grain reads as "no record".
/// </summary>
/// <remarks>
/// State is serialized with the silo's <see cref="IGrainStorageSerializer"/> rather than our own
/// System.Text.Json: cluster mode's Redis provider uses the same DI-registered serializer, so a state
/// class behaves identically in both modes (one code path, DESIGN "Two modes"), and an operator who
/// swaps the serializer swaps it everywhere.
/// </remarks>
public sealed class FileGrainStorage : IGrainStorage
{
    private const string HeaderPrefix = "codecov-grain-state 1 ";

    private readonly string root;
    private readonly IGrainStorageSerializer serializer;
    private readonly FileLocks locks = new();

    public FileGrainStorage(string name, IOptions<StorageOptions> options, IGrainStorageSerializer serializer)
    {
        Name = name;
        root = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "grains"));
        this.serializer = serializer;
    }

    /// <summary>The provider name this instance was registered under.</summary>
    public string Name { get; }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        using var held = await locks.AcquireAsync(path);
        var stored = await ReadFileAsync(path);
        if (stored is null)
        {
            ResetState(grainState);
            return;
        }
        grainState.State = serializer.Deserialize<T>(stored.Value.Data);
        grainState.ETag = stored.Value.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var data = serializer.Serialize(grainState.State);
        using var held = await locks.AcquireAsync(path);
        await CheckETagAsync(path, grainState.ETag, "write", grainId);
        var etag = Guid.NewGuid().ToString("N");
        await AtomicFile.WriteAsync(path, async (file, ct) =>
        {
            await file.WriteAsync(Encoding.ASCII.GetBytes(HeaderPrefix + etag + "\n"), ct);
            await file.WriteAsync(data.ToMemory(), ct);
        }, CancellationToken.None);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        using var held = await locks.AcquireAsync(path);
        await CheckETagAsync(path, grainState.ETag, "clear", grainId);
        AtomicFile.Delete(path);
        ResetState(grainState);
    }

    private static void ResetState<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task CheckETagAsync(string path, string? expected, string operation, GrainId grainId)
    {
        var current = (await ReadFileAsync(path))?.ETag;
        if (current == expected) return;
        throw new InconsistentStateException(
            $"Cannot {operation} grain state of {grainId} in storage '{Name}': the stored ETag is '{current ?? "(none)"}', the grain holds '{expected ?? "(none)"}'.",
            current ?? string.Empty, expected ?? string.Empty);
    }

    private static async Task<(string ETag, BinaryData Data)?> ReadFileAsync(string path)
    {
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }

        var newline = Array.IndexOf(bytes, (byte)'\n');
        var header = newline < 0 ? string.Empty : Encoding.ASCII.GetString(bytes, 0, newline);
        if (!header.StartsWith(HeaderPrefix, StringComparison.Ordinal) || header.Length == HeaderPrefix.Length)
            throw new InvalidDataException($"Grain state file '{path}' has no valid header.");
        return (header[HeaderPrefix.Length..], new BinaryData(bytes.AsMemory(newline + 1)));
    }

    private string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(root, GrainFileName.Of(stateName), GrainFileName.Of(grainId.ToString()));
}
