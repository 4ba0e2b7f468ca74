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
        // Written into the response pipe and flushed every few kilobytes: never a synchronous write, never the whole body in memory.
        var pipe = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(pipe);
        writer.WriteStartObject();
        writer.WritePropertyName("totals");
        JsonSerializer.Serialize(writer, totals, CodecovBodies.Json);
        writer.WriteStartArray("files");
        await foreach (var file in files.WithCancellation(aborted))
        {
            JsonSerializer.Serialize(writer, ApiMapping.File(file, lines), CodecovBodies.Json);
            if (writer.BytesPending <= FlushThreshold) continue;
            writer.Flush();
            await pipe.FlushAsync(aborted);
        }
        writer.WriteEndArray();
        writer.WriteString("commit_file_url", commitFileUrl);
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(aborted);
    }
}
