using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>
/// Embedded mode's durable reminders: Orleans' reminder table kept as one JSON file under the data
/// directory (written atomically), so a commit waiting to notify wakes up again after a restart.
/// One process owns the file; the cluster uses the ADO.NET table instead.
/// </summary>
public sealed class FileReminderTable(IOptions<StorageOptions> options) : IReminderTable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<string, StoredReminder>? rows;

    private string FilePath => Path.Combine(options.Value.DataDirectory, "reminders.json");

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync(all => all.Where(r => r.GrainId == grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // Orleans' ring ranges: (begin, end], wrapping around when begin >= end.
        ReadAsync(all => all.Where(r => begin < end ? r.Hash > begin && r.Hash <= end : r.Hash > begin || r.Hash <= end));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await ReadRows(grainId)).Reminders.FirstOrDefault(r => r.ReminderName == reminderName);

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await gate.WaitAsync();
        try
        {
            var all = await LoadAsync();
            var etag = Guid.NewGuid().ToString("N");
            all[Key(entry.GrainId, entry.ReminderName)] = new StoredReminder(entry.GrainId.ToString(), entry.GrainId.GetUniformHashCode(),
                entry.ReminderName, entry.StartAt, entry.Period, etag);
            await SaveAsync(all);
            return etag;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await gate.WaitAsync();
        try
        {
            var all = await LoadAsync();
            var key = Key(grainId, reminderName);
            if (!all.TryGetValue(key, out var row) || row.ETag != eTag) return false;
            all.Remove(key);
            await SaveAsync(all);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task TestOnlyClearTable()
    {
        await gate.WaitAsync();
        try
        {
            await SaveAsync(new Dictionary<string, StoredReminder>());
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ReminderTableData> ReadAsync(Func<IEnumerable<StoredReminder>, IEnumerable<StoredReminder>> select)
    {
        await gate.WaitAsync();
        try
        {
            return new ReminderTableData(select((await LoadAsync()).Values).Select(ToEntry).ToList());
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Dictionary<string, StoredReminder>> LoadAsync()
    {
        if (rows is not null) return rows;
        if (!File.Exists(FilePath)) return rows = new Dictionary<string, StoredReminder>();
        await using var stream = File.OpenRead(FilePath);
        var list = await JsonSerializer.DeserializeAsync<List<StoredReminder>>(stream) ?? [];
        return rows = list.ToDictionary(r => Key(r.GrainId, r.Name));
    }

    private async Task SaveAsync(Dictionary<string, StoredReminder> all)
    {
        rows = all;
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, all.Values.ToList());
        buffer.Position = 0;
        Directory.CreateDirectory(options.Value.DataDirectory);
        await AtomicFile.WriteAsync(FilePath, (target, token) => buffer.CopyToAsync(target, token), CancellationToken.None);
    }

    private static string Key(GrainId grainId, string name) => Key(grainId.ToString(), name);

    private static string Key(string grainId, string name) => grainId + "\n" + name;

    private static ReminderEntry ToEntry(StoredReminder r) => new()
    {
        GrainId = GrainId.Parse(r.GrainId),
        ReminderName = r.Name,
        StartAt = r.StartAt,
        Period = r.Period,
        ETag = r.ETag,
    };

    private sealed record StoredReminder(string GrainId, uint Hash, string Name, DateTime StartAt, TimeSpan Period, string ETag);
}
