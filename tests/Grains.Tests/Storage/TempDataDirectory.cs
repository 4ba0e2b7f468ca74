using Codecov.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Tests.Storage;

/// <summary>A fresh data directory per test, removed afterwards.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codecov-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public IOptions<StorageOptions> Options => Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = Path });

    /// <summary>Every file below the data directory, relative, with <c>/</c>.</summary>
    public IReadOnlyList<string> Files(string under = "") =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, under), "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
