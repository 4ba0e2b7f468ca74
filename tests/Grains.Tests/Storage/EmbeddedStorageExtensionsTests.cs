using Codecov.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Codecov.Grains.Tests.Storage;

public sealed class EmbeddedStorageExtensionsTests : IDisposable
{
    private readonly TempDataDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Embedded_stores_are_singletons_rooted_at_the_configured_data_directory()
    {
        await using var services = new ServiceCollection()
            .AddEmbeddedStores(o => o.DataDirectory = data.Path)
            .BuildServiceProvider();

        var objects = services.GetRequiredService<IObjectStore>();
        var index = services.GetRequiredService<IIndexStore>();
        await objects.PutAsync("raw/x.txt", new MemoryStream([1]));
        await index.ListUnfinishedUploadsAsync();

        Assert.Same(objects, services.GetRequiredService<FileObjectStore>());
        Assert.Same(index, services.GetRequiredService<SqliteIndexStore>());
        Assert.True(File.Exists(Path.Combine(data.Path, "objects", "raw", "x.txt")));
        Assert.True(File.Exists(Path.Combine(data.Path, "index.db")));
    }
}
