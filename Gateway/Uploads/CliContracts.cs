using System.Text.Json;
using System.Text.Json.Serialization;
using Codecov.Gateway.Hosting;

namespace Codecov.Gateway.Uploads;

/// <summary><c>POST …/commits</c> body (protocol §1b).</summary>
public sealed record CommitBody(string? Commitid, string? Branch, string? ParentCommitId,
    [property: JsonConverter(typeof(LenientPullIdConverter))] int? Pullid);

/// <summary><c>POST …/commits/{sha}/reports</c> body.</summary>
public sealed record ReportBody(string? Code);

/// <summary><c>POST …/reports/{code}/uploads</c> body; also the upload half of upload-coverage.</summary>
public sealed record UploadBody(
    string? CiService,
    string? CiUrl,
    IReadOnlyList<string?>? Flags,
    Dictionary<string, string?>? Env,
    string? Name,
    string? JobCode,
    string? BuildCode,
    string? Version);

/// <summary><c>POST …/upload-coverage</c> body (protocol §1a): commit, report and upload in one.</summary>
public sealed record UploadCoverageBody(
    string? Commitid,
    string? Branch,
    string? ParentCommitId,
    [property: JsonConverter(typeof(LenientPullIdConverter))] int? Pullid,
    string? Code,
    string? CiService,
    string? CiUrl,
    IReadOnlyList<string?>? Flags,
    Dictionary<string, string?>? Env,
    string? Name,
    string? JobCode,
    string? BuildCode,
    string? Version)
{
    public CommitBody Commit => new(Commitid, Branch, ParentCommitId, Pullid);

    public UploadBody Upload => new(CiService, CiUrl, Flags, Env, Name, JobCode, BuildCode, Version);
}

/// <summary><c>POST …/empty-upload</c> body.</summary>
public sealed record EmptyUploadBody(bool? ShouldForce);

/// <summary>Codecov's CommitSerializer (protocol §1b). Author is unknown without a git provider.</summary>
public sealed record CommitResponse(
    string? Message,
    string? Timestamp,
    bool? CiPassed,
    string State,
    RepositoryBrief Repository,
    object? Author,
    string Commitid,
    string? ParentCommitId,
    int? Pullid,
    string? Branch);

public sealed record RepositoryBrief(string Name, bool IsPrivate, bool Active, string? Language, object? Yaml);

public sealed record ReportResponse(string ExternalId, string CreatedAt, string CommitSha, string? Code);

/// <summary>Codecov's UploadSerializer; the CLI reads <c>raw_upload_location</c> and <c>url</c>.</summary>
public sealed record UploadResponse(
    string ExternalId,
    string CreatedAt,
    string RawUploadLocation,
    string State,
    string? Provider,
    string UploadType,
    string Url,
    string? CiUrl,
    IReadOnlyList<string> Flags,
    IReadOnlyDictionary<string, string> Env,
    string? Name,
    string? JobCode);

public sealed record UploadCoverageResponse(string ExternalId, string CreatedAt, string RawUploadLocation, string Url);

public sealed record UploadCompleteResponse(int UploadsTotal, int UploadsSuccess, int UploadsProcessing, int UploadsError);

public sealed record EmptyUploadResponse(string Result, IReadOnlyList<string> NonIgnoredFiles);

public sealed record ReportResultsResponse(string State, ReportResultsState Result);

public sealed record ReportResultsState(string State, string Message);

/// <summary>
/// CI adapters send the pull request as a number, a numeric string or null; anything else
/// (e.g. <c>"false"</c>) means no pull request rather than a failed upload.
/// </summary>
public sealed class LenientPullIdConverter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
            JsonTokenType.String => BranchAndPull.ParsePullId(reader.GetString()),
            JsonTokenType.StartObject or JsonTokenType.StartArray => SkipAndReturnNull(ref reader),
            _ => null,
        };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } id) writer.WriteNumberValue(id);
        else writer.WriteNullValue();
    }

    private static int? SkipAndReturnNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}

/// <summary>Reads CLI request bodies the way DRF's JSON parser does: an empty body is an empty object.</summary>
public static class CliBodyReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>
    /// Reads at most <see cref="UploadFieldRules.MaxCliBodyBytes"/>: these bodies describe a commit and an
    /// upload, the report itself goes to the PUT URL, so a larger body is refused rather than buffered.
    /// </summary>
    public static async Task<(T? Body, CodecovError? Error)> ReadAsync<T>(HttpRequest request, Func<T> empty)
        where T : class
    {
        var tooLarge = CodecovError.Detail(StatusCodes.Status413PayloadTooLarge,
            $"Request body is larger than {UploadFieldRules.MaxCliBodyBytes} bytes.");
        if (request.ContentLength > UploadFieldRules.MaxCliBodyBytes) return (null, tooLarge);
        try
        {
            using var buffer = new MemoryStream();
            await new SizeLimitedStream(request.Body, UploadFieldRules.MaxCliBodyBytes).CopyToAsync(buffer, request.HttpContext.RequestAborted);
            if (buffer.Length == 0 || IsBlank(buffer)) return (empty(), null);
            buffer.Position = 0;
            var body = await JsonSerializer.DeserializeAsync<T>(buffer, Options, request.HttpContext.RequestAborted);
            return (body ?? empty(), null);
        }
        catch (JsonException e)
        {
            // DRF's ParseError wording.
            return (null, CodecovError.Detail(StatusCodes.Status400BadRequest, $"JSON parse error - {e.Message}"));
        }
        catch (PayloadTooLargeException)
        {
            return (null, tooLarge);
        }
        catch (BadHttpRequestException e)
        {
            // A body that trickles in (408) or breaks off is the client's fault, never a 503 to retry blindly.
            return (null, CodecovError.Detail(e.StatusCode, RequestBodyFaults.Describe(e)));
        }
    }

    private static bool IsBlank(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
