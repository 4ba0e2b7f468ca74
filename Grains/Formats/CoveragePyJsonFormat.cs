using Codecov.Grains.Reports;
using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// coverage.py's JSON report (<c>coverage json</c>), as Codecov's <c>languages/pycoverage.py</c>
/// reads it: every executed line is a hit and every missing line a miss, branches are not used
/// (codecov-semantics §3). Claimed by <c>files</c> plus <c>meta.show_contexts</c>.
/// </summary>
public sealed class CoveragePyJsonFormat : ICoverageFormat
{
    public string Name => "coverage.py";

    public bool Matches(ReportProbe probe)
    {
        var head = JsonHead.Of(probe);
        return head.IsObject && head.Has("files")
            && head.Properties.TryGetValue("meta", out var meta) && meta.Kind == JsonTokenType.StartObject
            && meta.Keys.Contains("show_contexts");
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        new JsonEntryReader(content, "coverage.py JSON").ForEach(["files"], (name, file) => ParseFile(name, file, builder));

    private static void ParseFile(string name, JsonElement file, ReportBuilder builder)
    {
        if (builder.ResolvePath(name) is not { } path) return;
        AddLines(builder, path, JsonCoverage.Property(file, "executed_lines"), 1);
        AddLines(builder, path, JsonCoverage.Property(file, "missing_lines"), 0);
    }

    private static void AddLines(ReportBuilder builder, string path, JsonElement? lines, long hits)
    {
        if (lines is not { ValueKind: JsonValueKind.Array } array) return;
        foreach (var line in array.EnumerateArray())
            if (JsonCoverage.LineNumber(line) is { } n && n > 0) builder.AddLine(path, n, CoverageValue.FromHits(hits));
    }
}
