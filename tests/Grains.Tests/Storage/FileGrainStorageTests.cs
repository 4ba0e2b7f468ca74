using Codecov.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace Codecov.Grains.Tests.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private static readonly GrainId Commit = GrainId.Create("commit", "github/acme/widgets/0123abcd");
    private readonly TempDataDirectory data = new();

    public void Dispose() => data.Dispose();

    // Orleans' default JSON storage serializer only binds types it knows, as production state types are.
    [GenerateSerializer]
    public sealed class CounterState
    {
        [Id(0)] public int Count { get; set; }
        [Id(1)] public string? Label { get; set; }
        [Id(2)] public List<string> Items { get; set; } = [];
    }

    [Fact]
    public async Task A_written_state_reads_back_in_a_new_storage_over_the_same_directory()
    {
        var written = new GrainState<CounterState>(new CounterState { Count = 3, Label = "x", Items = ["a", "b"] });
        await NewStorage().WriteStateAsync("commit", Commit, written);

        var read = new GrainState<CounterState>();
        await NewStorage().ReadStateAsync("commit", Commit, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal("x", read.State!.Label);
        Assert.Equal(["a", "b"], read.State!.Items);
    }

    [Fact]
    public async Task Reading_a_grain_never_written_gives_a_fresh_state_without_etag()
    {
        var read = new GrainState<CounterState>(new CounterState { Count = 9 });

        await NewStorage().ReadStateAsync("commit", Commit, read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task Each_write_issues_a_new_etag()
    {
        var storage = NewStorage();
        var state = new GrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("commit", Commit, state);
        var first = state.ETag;

        state.State!.Count++;
        await storage.WriteStateAsync("commit", Commit, state);

        Assert.NotNull(first);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected_and_the_stored_state_is_kept()
    {
        var storage = NewStorage();
        var winner = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync("commit", Commit, winner);
        var loser = new GrainState<CounterState>(new CounterState { Count = 1 }) { ETag = winner.ETag };
        winner.State!.Count = 2;
        await storage.WriteStateAsync("commit", Commit, winner);

        loser.State!.Count = 99;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("commit", Commit, loser));

        Assert.Equal(winner.ETag, conflict.StoredEtag);
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync("commit", Commit, read);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task A_first_write_is_rejected_when_another_activation_already_created_the_record()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("commit", Commit, new GrainState<CounterState>(new CounterState { Count = 1 }));

        var fresh = new GrainState<CounterState>(new CounterState { Count = 5 });

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("commit", Commit, fresh));
    }

    [Fact]
    public async Task A_write_with_an_etag_for_a_record_that_no_longer_exists_is_rejected()
    {
        var state = new GrainState<CounterState>(new CounterState()) { ETag = "made-up" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => NewStorage().WriteStateAsync("commit", Commit, state));
        Assert.Empty(data.Files());
    }

    [Fact]
    public async Task Clearing_deletes_the_record_and_resets_the_state()
    {
        var storage = NewStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 4 });
        await storage.WriteStateAsync("commit", Commit, state);

        await storage.ClearStateAsync("commit", Commit, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
        Assert.Empty(data.Files());
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync("commit", Commit, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_rejected_and_keeps_the_record()
    {
        var storage = NewStorage();
        var state = new GrainState<CounterState>(new CounterState { Count = 4 });
        await storage.WriteStateAsync("commit", Commit, state);
        var stale = new GrainState<CounterState>(new CounterState()) { ETag = "stale" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("commit", Commit, stale));

        Assert.Single(data.Files());
    }

    [Fact]
    public async Task Grain_ids_with_slashes_are_kept_as_one_file_each_under_the_state_name()
    {
        var storage = NewStorage();
        var a = GrainId.Create("upload", "github/acme/widgets/abc/1");
        var b = GrainId.Create("upload", "github/acme/widgets/abc%2F1");
        await storage.WriteStateAsync("upload", a, new GrainState<CounterState>(new CounterState { Count = 1 }));
        await storage.WriteStateAsync("upload", b, new GrainState<CounterState>(new CounterState { Count = 2 }));

        var files = data.Files();

        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(3, f.Split('/').Length)); // grains/upload/<one file name>
        var readA = new GrainState<CounterState>();
        await storage.ReadStateAsync("upload", a, readA);
        Assert.Equal(1, readA.State!.Count);
    }

    [Fact]
    public async Task Concurrent_writes_of_different_grains_all_persist_without_leftover_temp_files()
    {
        var storage = NewStorage();
        var grains = Enumerable.Range(0, 200).Select(i => GrainId.Create("commit", $"github/acme/widgets/{i:x8}")).ToList();

        await Task.WhenAll(grains.Select((id, i) => Task.Run(async () =>
        {
            var state = new GrainState<CounterState>(new CounterState { Count = i });
            for (var round = 0; round < 3; round++)
            {
                state.State!.Count = i * 10 + round;
                await storage.WriteStateAsync("commit", id, state);
            }
        })));

        Assert.Equal(grains.Count, data.Files().Count);
        Assert.DoesNotContain(data.Files(), f => f.Contains(".tmp-", StringComparison.Ordinal));
        for (var i = 0; i < grains.Count; i++)
        {
            var read = new GrainState<CounterState>();
            await NewStorage().ReadStateAsync("commit", grains[i], read);
            Assert.Equal(i * 10 + 2, read.State!.Count);
        }
    }

    [Fact]
    public async Task Concurrent_writers_of_one_grain_with_the_same_etag_let_exactly_one_win()
    {
        var storage = NewStorage();
        var initial = new GrainState<CounterState>(new CounterState());
        await storage.WriteStateAsync("commit", Commit, initial);

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var state = new GrainState<CounterState>(new CounterState { Count = i }) { ETag = initial.ETag };
            try { await storage.WriteStateAsync("commit", Commit, state); return true; }
            catch (InconsistentStateException) { return false; }
        }));

        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task A_state_file_without_its_header_is_reported_as_corrupt()
    {
        var storage = NewStorage();
        await storage.WriteStateAsync("commit", Commit, new GrainState<CounterState>(new CounterState()));
        File.WriteAllText(Path.Combine(data.Path, data.Files().Single()), "{\"Count\":1}");

        await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadStateAsync("commit", Commit, new GrainState<CounterState>()));
    }

    [Fact]
    public void The_silo_registration_resolves_file_storage_by_name_and_as_default()
    {
        using var host = SiloHost(data, b => b.AddFileGrainStorage("reports").AddFileGrainStorageAsDefault());

        Assert.IsType<FileGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("reports"));
        var fallback = Assert.IsType<FileGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("Default"));
        Assert.Equal("Default", fallback.Name);
    }

    private FileGrainStorage NewStorage() => new("test", data.Options, Serializer.Value);

    /// <summary>The silo's own default storage serializer, the one production uses.</summary>
    private static readonly Lazy<IGrainStorageSerializer> Serializer = new(() =>
    {
        using var data = new TempDataDirectory();
        var host = SiloHost(data, _ => { });
        return host.Services.GetRequiredService<IGrainStorageSerializer>();
    });

    private static IHost SiloHost(TempDataDirectory data, Action<ISiloBuilder> configure) =>
        new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering();
                silo.Services.Configure<StorageOptions>(o => o.DataDirectory = data.Path);
                configure(silo);
            })
            .Build();
}
