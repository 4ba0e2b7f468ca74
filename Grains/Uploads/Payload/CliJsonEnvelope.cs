using System.Text;
using System.Text.Json;
using Codecov.Grains.Paths;

namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// The codecov-cli JSON envelope (codecov-upload-protocol §5b; worker <c>parser/version_one.py</c>):
/// <c>report_fixes</c> (or the pre-Oct-2023 <c>path_fixes</c>), <c>network_files</c> and
/// <c>coverage_files</c>, each file <c>base64(zlib(bytes))</c> when its format is
/// <c>base64+compressed</c> and used as is otherwise. Env vars travel in the POST, not here.
/// </summary>
public static class CliJsonEnvelope
{
    private const string CompressedFormat = "base64+compressed";

    /// <summary>The worker's choice: JSON only when the stripped body starts with <c>{</c> and ends with <c>}</c>.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var trimmed = body.Trim(" \t\n\r\v\f"u8);
        return trimmed.Length >= 2 && trimmed[0] == (byte)'{' && trimmed[^1] == (byte)'}';
    }

    public static UploadPayload Parse(ReadOnlyMemory<byte> body, PayloadDecompression decompression)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new PayloadRejectedException(PayloadRejectedException.Unreadable,
                $"The upload could not be read: it looks like the codecov-cli JSON payload but is not valid JSON ({e.Message}).", e);
        }
        using (document)
        {
            var root = document.RootElement;
            var network = ReadNetwork(root);
            var files = ReadFiles(root, decompression);
            var fixes = ReadFixes(root);
            return new UploadPayload(network, files, new Dictionary<string, string>(), fixes);
        }
    }

    private static IReadOnlyList<string>? ReadNetwork(JsonElement root)
    {
        if (!root.TryGetProperty("network_files", out var list) || list.ValueKind != JsonValueKind.Array) return null;
        return list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
    }

    private static List<CoverageFile> ReadFiles(JsonElement root, PayloadDecompression decompression)
    {
        var files = new List<CoverageFile>();
        if (!root.TryGetProperty("coverage_files", out var list) || list.ValueKind != JsonValueKind.Array) return files;
        foreach (var file in list.EnumerateArray())
        {
            if (file.ValueKind != JsonValueKind.Object) continue;
            var name = StringProperty(file, "filename") ?? "";
            var data = StringProperty(file, "data") ?? "";
            var content = StringProperty(file, "format") == CompressedFormat
                ? decompression.InflateZlib(Base64(data, name), name)
                : Encoding.UTF8.GetBytes(data);
            files.Add(new CoverageFile(name, content));
        }
        return files;
    }

    /// <summary><c>report_fixes</c> wins over <c>path_fixes</c> when both are present, as in the worker.</summary>
    private static LineFixes ReadFixes(JsonElement root)
    {
        if (!root.TryGetProperty("report_fixes", out var block) && !root.TryGetProperty("path_fixes", out block)) return LineFixes.None;
        if (block.ValueKind != JsonValueKind.Object || !block.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            return LineFixes.None;
        var fixes = new Dictionary<string, FileLineFixes>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object) continue;
            fixes[entry.Name] = new FileLineFixes(ReadEof(entry.Value), ReadLines(entry.Value));
        }
        return LineFixes.FromRepositoryPaths(fixes);
    }

    private static int? ReadEof(JsonElement fix) =>
        fix.TryGetProperty("eof", out var eof) && eof.ValueKind == JsonValueKind.Number && eof.TryGetInt32(out var n) ? n : null;

    private static HashSet<int> ReadLines(JsonElement fix)
    {
        var lines = new HashSet<int>();
        if (!fix.TryGetProperty("lines", out var list) || list.ValueKind != JsonValueKind.Array) return lines;
        foreach (var line in list.EnumerateArray())
            if (line.ValueKind == JsonValueKind.Number && line.TryGetInt32(out var n)) lines.Add(n);
        return lines;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64(string data, string fileName)
    {
        try
        {
            return Convert.FromBase64String(data);
        }
        catch (FormatException e)
        {
            throw new PayloadRejectedException(PayloadRejectedException.Unreadable,
                $"The upload could not be read: coverage file '{fileName}' is marked {CompressedFormat} but its data is not valid base64.", e);
        }
    }
}
