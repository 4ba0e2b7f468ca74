using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// Coveralls' JSON (<c>{"source_files": [{"name", "coverage": [null, 1, 0]}]}</c>), as Codecov's
/// <c>languages/coveralls.py</c> reads it: entry i of the coverage list is line i+1; nulls are
/// not coverable (codecov-semantics §3).
/// </summary>
public sealed class CoverallsFormat : ICoverageFormat
{
    public string Name => "coveralls";

    public bool Matches(ReportProbe probe)
    {
        var head = JsonHead.Of(probe);
        return head.IsObject && head.Has("source_files");
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        new JsonEntryReader(content, "Coveralls JSON").ForEach(["source_files"], (_, file) => ParseFile(file, builder));

    private static void ParseFile(JsonElement file, ReportBuilder builder)
    {
        if (JsonCoverage.Property(file, "name") is not { ValueKind: JsonValueKind.String } name) return;
        if (builder.ResolvePath(name.GetString()!) is not { } path) return;
        if (JsonCoverage.Property(file, "coverage") is not { ValueKind: JsonValueKind.Array } list) return;
        var number = 0;
        foreach (var value in list.EnumerateArray())
        {
            number++;
            var line = JsonCoverage.Value(value);
            if (!line.IsNone) builder.AddLine(path, number, line);
        }
    }
}
