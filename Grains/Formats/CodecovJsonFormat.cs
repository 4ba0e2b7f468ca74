using Codecov.Grains.Reports;
using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// Codecov's own "custom" JSON (v1), as <c>languages/v1.py</c> reads it:
/// <c>{"coverage": {"path": {"1": 0, "2": 1, "3": "1/2"}}}</c>, or a per-file list indexed by line
/// (<c>[null, 1, 0]</c>). Strings and booleans make branch lines (codecov-semantics §3). The older
/// SimpleCov resultset wrappers <c>{"RSpec": {...}}</c> / <c>{"MiniTest": {...}}</c> are read the same way.
/// </summary>
public sealed class CodecovJsonFormat : ICoverageFormat
{
    public string Name => "codecov-json";

    public bool Matches(ReportProbe probe)
    {
        var head = JsonHead.Of(probe);
        return head.IsObject && (head.Has("coverage") || head.Has("RSpec") || head.Has("MiniTest"));
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        new JsonEntryReader(content, "Codecov JSON").ForEachOf(
            [["coverage"], ["RSpec", "coverage"], ["MiniTest", "coverage"]],
            (name, lines) => ParseFile(name, lines, builder));

    private static void ParseFile(string name, JsonElement lines, ReportBuilder builder)
    {
        if (builder.ResolvePath(name) is not { } path) return;
        if (lines.ValueKind == JsonValueKind.Array)
        {
            // list_to_dict: index i of the list is line i; index 0 and nulls are dropped.
            var i = 0;
            foreach (var value in lines.EnumerateArray())
            {
                var number = i++;
                if (number > 0 && value.ValueKind != JsonValueKind.Null) Set(builder, path, number, value);
            }
            return;
        }
        if (lines.ValueKind != JsonValueKind.Object) return;
        foreach (var line in lines.EnumerateObject())
            if (ReportText.ParseInt(line.Name) is { } number && number > 0) Set(builder, path, number, line.Value);
    }

    private static void Set(ReportBuilder builder, string path, long number, JsonElement value)
    {
        var coverage = JsonCoverage.Value(value);
        // v1.py: a string that is not a plain integer, or a boolean, makes a branch line.
        var branch = value.ValueKind is JsonValueKind.True or JsonValueKind.False
            || (value.ValueKind == JsonValueKind.String && ReportText.ParseInt(value.GetString()!) is null);
        builder.AddLine(path, number, coverage, branch ? LineKind.Branch : LineKind.Line);
    }
}
