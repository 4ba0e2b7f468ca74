using Codecov.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Tests.Storage;

public sealed class FileReminderTableTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("codecov-reminders-").FullName;

    [Fact]
    public async Task Reminders_survive_a_new_table_over_the_same_directory()
    {
        var grain = GrainId.Create("commit", "github/acme/widgets/abc");
        var etag = await Table().UpsertRow(new ReminderEntry
        {
            GrainId = grain, ReminderName = "notify", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1),
        });

        var reopened = Table();
        var row = await reopened.ReadRow(grain, "notify");

        Assert.NotNull(row);
        Assert.Equal((grain, etag), (row!.GrainId, row.ETag));
        Assert.Single((await reopened.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Range_reads_cover_the_whole_ring_when_begin_equals_end_and_wrap_around()
    {
        var grain = GrainId.Create("commit", "github/acme/widgets/def");
        var table = Table();
        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "notify", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        var hash = grain.GetUniformHashCode();

        Assert.Single((await table.ReadRows(0u, 0u)).Reminders);
        Assert.Single((await table.ReadRows(hash - 1, hash)).Reminders);
        Assert.Empty((await table.ReadRows(hash, hash + 1)).Reminders);
        Assert.Single((await table.ReadRows(hash + 1, hash)).Reminders);
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_keeps_the_row()
    {
        var grain = GrainId.Create("commit", "github/acme/widgets/ghi");
        var table = Table();
        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "notify", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });

        Assert.False(await table.RemoveRow(grain, "notify", "stale"));
        Assert.NotNull(await table.ReadRow(grain, "notify"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private FileReminderTable Table() => new(Options.Create(new StorageOptions { DataDirectory = directory }));
}
