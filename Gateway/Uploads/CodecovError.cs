using System.Text;
using System.Text.Json;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// An error exactly as Codecov's upload API writes it (protocol §0 "DRF error bodies"):
/// <c>["msg"]</c> for a ValidationError, <c>{"detail":"msg"}</c> for auth and not-found,
/// <c>{"field":["msg"]}</c> for a serializer field, or plain bytes on the legacy endpoint.
/// </summary>
public sealed class CodecovError : IResult, IStatusCodeHttpResult
{
    /// <summary>The 401 every unknown or missing token gets on the new endpoints (§7.6).</summary>
    public const string NotValidTokenless = "Not valid tokenless upload";

    /// <summary>The 401 on routes without tokenless auth (empty-upload, upload-complete; §7.6).</summary>
    public const string FailedTokenAuthentication =
        "Failed token authentication, please double-check that your repository token matches in the Codecov UI, "
        + "or review the docs https://docs.codecov.com/docs/adding-the-codecov-token";

    public const string NoPermission = "You do not have permission to perform this action.";

    private readonly byte[] body;
    private readonly string contentType;

    private CodecovError(int statusCode, byte[] body, string contentType)
    {
        StatusCode = statusCode;
        this.body = body;
        this.contentType = contentType;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The UTF-8 text of the body, for tests and logs.</summary>
    public string BodyText => Encoding.UTF8.GetString(body);

    public static CodecovError Validation(string message) => Json(StatusCodes.Status400BadRequest, new[] { message });

    public static CodecovError Field(string field, string message) =>
        Json(StatusCodes.Status400BadRequest, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A serializer's errors, field by field: <c>{"branch":["…"],"flags":{"0":["…"]}}</c>.</summary>
    public static CodecovError Fields(IReadOnlyDictionary<string, object> errors) => Json(StatusCodes.Status400BadRequest, errors);

    public static CodecovError Detail(int statusCode, string message) =>
        Json(statusCode, new Dictionary<string, string> { ["detail"] = message });

    public static CodecovError PlainText(int statusCode, string text) =>
        new(statusCode, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    /// <summary>
    /// A DRF exception raised inside the legacy view: its renderers are <c>[PlainText, JSON]</c>, so a client
    /// accepting JSON gets <c>{"detail":…}</c> and any other gets Python's <c>str()</c> of the data (§0).
    /// </summary>
    public static CodecovError LegacyDetail(int statusCode, string message, string code, bool acceptsJson) =>
        acceptsJson
            ? Detail(statusCode, message)
            : PlainText(statusCode, $"{{'detail': ErrorDetail(string={PythonRepr(message)}, code='{code}')}}");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    private static CodecovError Json<T>(int statusCode, T value) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, CodecovBodies.Json), "application/json");

    // Python's repr of a str picks single quotes unless the text contains one and no double quote.
    private static string PythonRepr(string text) =>
        text.Contains('\'') && !text.Contains('"')
            ? $"\"{text.Replace("\\", "\\\\")}\""
            : $"'{text.Replace("\\", "\\\\").Replace("'", "\\'")}'";
}
