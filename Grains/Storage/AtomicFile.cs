using System.Runtime.InteropServices;

namespace Codecov.Grains.Storage;

/// <summary>
/// Writes a file so that its final name only ever holds complete content: write a temporary file
/// beside it, flush it to the disk, rename it over the target, then flush the directory entry.
/// A crash at any point leaves either the old file or the new one, plus at worst a stray temp file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temp files start with this prefix; object keys and grain file names never do.</summary>
    public const string TempPrefix = ".tmp-";

    private const int BufferSize = 81920;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; returns the bytes written.</summary>
    public static async Task<long> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            long length;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                // Flush(true) is fsync: the bytes are on the disk before the name points at them.
                file.Flush(flushToDisk: true);
                length = file.Length;
            }
            // File.Move with overwrite is rename(2) on Unix and MoveFileEx(REPLACE_EXISTING) on Windows: atomic.
            File.Move(temp, path, overwrite: true);
            DirectorySync.Flush(directory);
            return length;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes a file and flushes its directory so the removal survives a crash.</summary>
    public static void Delete(string path)
    {
        if (!File.Exists(path)) return;
        File.Delete(path);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null) DirectorySync.Flush(directory);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// fsync of a directory, so a rename or delete in it is durable. .NET cannot open a directory as a
/// file, so this calls libc on Unix; Windows has no equivalent (NTFS journals the rename itself).
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private static bool unavailable = OperatingSystem.IsWindows();

    public static void Flush(string directory)
    {
        if (unavailable) return;
        try
        {
            var fd = Open(directory, ReadOnly);
            if (fd < 0) return;
            try { _ = Fsync(fd); }
            finally { _ = Close(fd); }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // "Where possible": a platform without libc keeps the file fsync, which is the part that matters most.
            unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
