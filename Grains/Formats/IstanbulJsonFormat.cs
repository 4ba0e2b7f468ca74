using Codecov.Grains.Reports;
using System.Text.Json;

namespace Codecov.Grains.Formats;

/// <summary>
/// Istanbul's <c>coverage-final.json</c> (nyc, c8, jest), as Codecov's <c>languages/node.py</c>
/// reads it without <c>enable_partials</c>: each statement, branch location and function adds its
/// count on its start line (merged by max), branch locations as branch lines and functions as
/// method lines. Codecov tries it last, as the catch-all "every value is an object" (codecov-semantics §3).
/// </summary>
public sealed class IstanbulJsonFormat : ICoverageFormat
{
    public string Name => "istanbul";

    public bool Matches(ReportProbe probe)
    {
        var head = JsonHead.Of(probe);
        return head.IsObject && head.Properties.Values.All(v => v.Kind == JsonTokenType.StartObject);
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        new JsonEntryReader(content, "Istanbul JSON").ForEach([], (name, data) => ParseFile(name, data, builder));

    private static void ParseFile(string name, JsonElement data, ReportBuilder builder)
    {
        if (data.ValueKind != JsonValueKind.Object) return;
        // node.py retries a lib/ path as src/ (transpiled sources).
        var path = builder.ResolvePath(name) ?? builder.ResolvePath(ReplaceFirst(name, "lib/", "src/"));
        if (path is null) return;
        if (JsonCoverage.Property(data, "data") is { } inner && IsTruthy(inner)) data = inner;

        if (JsonCoverage.Property(data, "linesCovered") is { ValueKind: JsonValueKind.Object } covered)
        {
            foreach (var line in covered.EnumerateObject())
                if (ReportText.ParseInt(line.Name) is { } n) builder.AddLine(path, n, JsonCoverage.Value(line.Value));
            return;
        }
        AddLocations(builder, path, data, "statementMap", "s", LineKind.Line);
        AddBranches(builder, path, data);
        AddLocations(builder, path, data, "fnMap", "f", LineKind.Method);
    }

    private static void AddLocations(ReportBuilder builder, string path, JsonElement data, string mapName, string countsName, LineKind kind)
    {
        if (JsonCoverage.Property(data, mapName) is not { ValueKind: JsonValueKind.Object } map) return;
        var counts = JsonCoverage.Property(data, countsName);
        foreach (var entry in map.EnumerateObject())
        {
            if (IsSkipped(entry.Value)) continue;
            // Functions are placed by their "loc", statements by their own start.
            var location = kind == LineKind.Method ? JsonCoverage.Property(entry.Value, "loc") : entry.Value;
            if (location is null || StartLine(location.Value) is not { } line) continue;
            if (counts is null || JsonCoverage.Property(counts.Value, entry.Name) is not { } count) continue;
            builder.AddLine(path, line, JsonCoverage.Value(count), kind);
        }
    }

    private static void AddBranches(ReportBuilder builder, string path, JsonElement data)
    {
        if (JsonCoverage.Property(data, "branchMap") is not { ValueKind: JsonValueKind.Object } map) return;
        var counts = JsonCoverage.Property(data, "b");
        foreach (var branch in map.EnumerateObject())
        {
            if (IsSkipped(branch.Value)) continue;
            if (JsonCoverage.Property(branch.Value, "locations") is not { ValueKind: JsonValueKind.Array } locations) continue;
            var taken = counts is { } c ? JsonCoverage.Property(c, branch.Name) : null;
            var i = 0;
            foreach (var location in locations.EnumerateArray())
            {
                var index = i++;
                if (StartLine(location) is not { } line) continue;
                if (taken is not { ValueKind: JsonValueKind.Array } arr || index >= arr.GetArrayLength()) continue;
                builder.AddLine(path, line, JsonCoverage.Value(arr[index]), LineKind.Branch);
            }
        }
    }

    /// <summary>node.py's <c>_location_to_int</c>: the start line of a location (or its <c>loc</c>), unless skipped or 0.</summary>
    private static long? StartLine(JsonElement location)
    {
        if (JsonCoverage.Property(location, "loc") is { } loc) location = loc;
        if (location.ValueKind != JsonValueKind.Object || IsTruthy(JsonCoverage.Property(location, "skip"))) return null;
        if (JsonCoverage.Property(location, "start") is not { } start || JsonCoverage.Property(start, "line") is not { } line) return null;
        var n = JsonCoverage.LineNumber(line);
        return n is null or 0 ? null : n;
    }

    private static bool IsSkipped(JsonElement node) => JsonCoverage.Property(node, "skip") is { ValueKind: JsonValueKind.True };

    /// <summary>Python truthiness of a JSON value (absent is false).</summary>
    private static bool IsTruthy(JsonElement? value)
    {
        if (value is not { } v) return false;
        return v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined => false,
            JsonValueKind.Object => v.EnumerateObject().Any(),
            JsonValueKind.Array => v.GetArrayLength() > 0,
            JsonValueKind.String => v.GetString()!.Length > 0,
            JsonValueKind.Number => v.GetDouble() != 0,
            _ => true,
        };
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
