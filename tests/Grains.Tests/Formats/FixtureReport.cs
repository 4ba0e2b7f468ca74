using System.Text.Json;
using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// One fixture folder (tests/Grains.Tests/Fixtures/&lt;format&gt;/&lt;project&gt;): its network file list
/// and the totals Codecov itself computed for it (codecov-totals.json), plus a way to parse one of
/// its reports the way an upload with that network would be parsed.
/// </summary>
public sealed class FixtureReport
{
    private FixtureReport(string folder, IReadOnlyList<string> network, IReadOnlyList<FixtureUpload> uploads, FixtureTotals merged)
    {
        Folder = folder;
        Network = network;
        Uploads = uploads;
        Merged = merged;
    }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The folder relative to the fixture root, e.g. <c>cobertura/guardclauses</c>.</summary>
    public string Folder { get; }
    public IReadOnlyList<string> Network { get; }
    public IReadOnlyList<FixtureUpload> Uploads { get; }
    public FixtureTotals Merged { get; }

    /// <summary>Every fixture folder under <c>Fixtures/&lt;format&gt;/</c>, as xunit theory data.</summary>
    public static TheoryData<string> Folders(string format)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Root, format)).Order(StringComparer.Ordinal))
            data.Add($"{format}/{Path.GetFileName(dir)}");
        return data;
    }

    public static FixtureReport Load(string folder)
    {
        var dir = Path.Combine(Root, folder);
        var network = File.ReadAllLines(Path.Combine(dir, "network.txt")).Where(l => l.Length > 0).ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "codecov-totals.json")));
        var uploads = json.RootElement.GetProperty("uploads").EnumerateArray()
            .Select(u => new FixtureUpload(
                u.GetProperty("report").GetString()!,
                u.GetProperty("processor").GetString()!,
                u.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
                ReadTotals(u.GetProperty("totals"))))
            .ToList();
        return new FixtureReport(folder, network, uploads, ReadTotals(json.RootElement.GetProperty("merged")));
    }

    /// <summary>Opens a report file of this folder.</summary>
    public Stream Open(string reportFile) => File.OpenRead(Path.Combine(Root, Folder, reportFile));

    /// <summary>The first bytes and name of a report, as the registry sees them.</summary>
    public ReportProbe Probe(string reportFile)
    {
        using var stream = Open(reportFile);
        var head = new byte[ReportProbe.HeadSize];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return new ReportProbe(reportFile, head.AsMemory(0, read));
    }

    /// <summary>A builder for one session resolving paths against this folder's network, with no report age limit.</summary>
    public ReportBuilder NewBuilder(ParserSettings? settings = null, int sessionId = 0, string reportFile = "") =>
        new(new ParseContext(sessionId, new PathFixer(PathFixingRules.None, Network, reportFile), settings ?? ParserSettings.Default,
            DateTimeOffset.UtcNow, MaxReportAge: null, ReportFileName: reportFile));

    /// <summary>Parses one report of this folder as its own upload.</summary>
    public CoverageReport Parse(ICoverageFormat format, string reportFile, ParserSettings? settings = null)
    {
        var builder = NewBuilder(settings, reportFile: reportFile);
        using var stream = Open(reportFile);
        format.Parse(stream, builder);
        return builder.Build();
    }

    private static FixtureTotals ReadTotals(JsonElement e) => new(
        e.GetProperty("files").GetInt32(),
        e.GetProperty("lines").GetInt32(),
        e.GetProperty("hits").GetInt32(),
        e.GetProperty("misses").GetInt32(),
        e.GetProperty("partials").GetInt32(),
        e.GetProperty("coverage").ValueKind == JsonValueKind.Null ? null : e.GetProperty("coverage").GetString(),
        OptionalInt(e, "branches"),
        OptionalInt(e, "methods"),
        OptionalInt(e, "sessions"));

    private static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}

/// <summary>One upload of a fixture as Codecov processed it.</summary>
public sealed record FixtureUpload(string Report, string Processor, string? Error, FixtureTotals Totals);

/// <summary>Codecov's totals; branches, methods and sessions are given for the merged report only.</summary>
public sealed record FixtureTotals(
    int Files, int Lines, int Hits, int Misses, int Partials, string? Coverage,
    int? Branches = null, int? Methods = null, int? Sessions = null)
{
    /// <summary>The same fields taken from our totals, for one equality assertion with a readable diff.</summary>
    public static FixtureTotals Of(ReportTotals t, bool withCounts) => new(
        t.Files, t.Lines, t.Hits, t.Misses, t.Partials, t.Coverage,
        withCounts ? t.Branches : null, withCounts ? t.Methods : null, withCounts ? t.Sessions : null);
}
