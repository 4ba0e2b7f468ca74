using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// SimpleCov's JSON (simplecov-json: <c>{"command_name": "RSpec", "files": [{"filename", "coverage"}]}</c>),
/// as Codecov's <c>languages/simplecov.py</c> reads it: the coverage list (or its <c>lines</c>, from
/// SimpleCov 0.18) gives line i+1 its count; nulls are not coverable (codecov-semantics §3).
/// </summary>
public sealed class SimpleCovFormat : ICoverageFormat
{
    public string Name => "simplecov";

    public bool Matches(ReportProbe probe)
    {
        var head = JsonHead.Of(probe);
        return head.IsObject && head.Properties.TryGetValue("command_name", out var command) && command.Text == "RSpec";
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        new JsonEntryReader(content, "SimpleCov JSON").ForEach(["files"], (_, file) => ParseFile(file, builder));

    private static void ParseFile(JsonElement file, ReportBuilder builder)
    {
        if (JsonCoverage.Property(file, "filename") is not { ValueKind: JsonValueKind.String } name) return;
        if (builder.ResolvePath(name.GetString()!) is not { } path) return;
        var coverage = JsonCoverage.Property(file, "coverage");
        if (coverage is { ValueKind: JsonValueKind.Object } c && JsonCoverage.Property(c, "lines") is { ValueKind: JsonValueKind.Array } lines)
            coverage = lines;
        if (coverage is not { ValueKind: JsonValueKind.Array } list) return;
        var number = 0;
        foreach (var value in list.EnumerateArray())
        {
            number++;
            var line = JsonCoverage.Value(value);
            if (!line.IsNone) builder.AddLine(path, number, line);
        }
    }
}
