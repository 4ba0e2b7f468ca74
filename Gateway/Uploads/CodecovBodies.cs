using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Codecov.Gateway.Uploads;

/// <summary>Codecov's answers whose exact bytes clients depend on.</summary>
public static class CodecovBodies
{
    /// <summary>Python's <c>json.dumps</c> leaves <c>&lt;</c>, <c>&amp;</c>, <c>'</c> and backticks alone.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// v4: <c>{dashboard}\n{put}</c> with no trailing newline; npm <c>codecov</c> and <c>codecov-cli --legacy</c>
    /// split on <c>\n</c> and fail on a third part (protocol §4, field note §10.4).
    /// </summary>
    public static string V4(string dashboardUrl, string putUrl) => $"{dashboardUrl}\n{putUrl}";

    /// <summary>
    /// v2: Python's default separators <c>": "</c> and <c>", "</c>; the bash uploader greps for
    /// <c>"uploaded": true</c> with the space (protocol §3, §6 step 5).
    /// </summary>
    public static string V2(string uploadId, string dashboardUrl) =>
        "{\"message\": \"Coverage reports upload successfully\", \"uploaded\": true, \"queued\": true, "
        + $"\"id\": {JsonString(uploadId)}, \"url\": {JsonString(dashboardUrl)}}}";

    /// <summary><c>created_at</c> as DRF writes it for upload-coverage: <c>%Y-%m-%dT%H:%M:%S.%fZ</c> in UTC (protocol §1a).</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string JsonString(string value) => JsonSerializer.Serialize(value, Json);
}
