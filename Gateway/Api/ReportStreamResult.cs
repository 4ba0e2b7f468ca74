using System.Text.Json;
using Codecov.Gateway.Uploads;
using Codecov.Grains.Commits;

namespace Codecov.Gateway.Api;

/// <summary>
/// Writes <c>{"totals": …, "files": [...], "commit_file_url": …}</c> as the files arrive from the report
/// archive: one file is in memory at a time, whatever the report's size (the response is never buffered).
/// </summary>
internal sealed class ReportStreamResult(ApiTotals totals, IAsyncEnumerable<FileCoverage> files, bool lines, string commitFileUrl) : IResult
{
    private const int FlushThreshold = 32 * 1024;

    public async Task ExecuteAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WritePropertyName("totals");
        JsonSerializer.Serialize(writer, totals, CodecovBodies.Json);
        writer.WriteStartArray("files");
        await foreach (var file in files.WithCancellation(aborted))
        {
            JsonSerializer.Serialize(writer, ApiMapping.File(file, lines), CodecovBodies.Json);
            if (writer.BytesPending > FlushThreshold) await writer.FlushAsync(aborted);
        }
        writer.WriteEndArray();
        writer.WriteString("commit_file_url", commitFileUrl);
        writer.WriteEndObject();
        await writer.FlushAsync(aborted);
    }
}
