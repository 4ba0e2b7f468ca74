namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// Decodes a raw upload body (codecov-upload-protocol §5): gunzip if needed, then the CLI JSON
/// envelope when the upload came through the CLI endpoints and the body is a JSON object,
/// otherwise the legacy text envelope — the worker's choice in <c>parser/__init__.py</c>.
/// </summary>
public static class UploadPayloadReader
{
    /// <param name="raw">The body as stored.</param>
    /// <param name="createdByCli">The upload was created by the CLI endpoints (Codecov's <c>format_version == "v1"</c>).</param>
    public static UploadPayload Read(Stream raw, bool createdByCli) => Read(raw, createdByCli, declaredGzip: false, PayloadLimits.Default);

    /// <param name="declaredGzip">The request said <c>Content-Encoding: gzip</c> (or <c>X-Content-Encoding</c>).</param>
    public static UploadPayload Read(Stream raw, bool createdByCli, bool declaredGzip, PayloadLimits limits)
    {
        var decompression = new PayloadDecompression(limits);
        var body = decompression.ReadBody(raw, declaredGzip);
        if (body.AsSpan().Trim(" \t\n\r\v\f"u8).IsEmpty)
        {
            throw new PayloadRejectedException(PayloadRejectedException.ReportEmpty,
                "The upload is empty: no coverage data was received. Check that the uploader found your coverage report files.");
        }
        var payload = createdByCli && CliJsonEnvelope.LooksLikeJson(body)
            ? CliJsonEnvelope.Parse(body, decompression)
            : LegacyEnvelope.Parse(body);
        // Codecov skips files with no content and ends an upload without any as report_empty.
        var files = payload.Files.Where(f => !f.Content.IsEmpty).ToList();
        if (files.Count == 0)
        {
            throw new PayloadRejectedException(PayloadRejectedException.ReportEmpty,
                "The upload holds no coverage report: it contains only a file list, environment or line fixes. " +
                "Check that the uploader found your coverage report files.");
        }
        return payload with { Files = files };
    }
}
