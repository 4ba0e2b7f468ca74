using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Uploads;

/// <summary>
/// Turns an upload's raw payload into its session report: decode the envelope, parse every report
/// file with paths resolved against the upload's network, then drop the lines the upload's fixes
/// ignore. Every fault of the bytes becomes a <see cref="ReportRejectedException"/> with a reason
/// the user can act on (codecov-semantics §5 error codes).
/// </summary>
public sealed class UploadProcessor(UploadReportParser parser)
{
    public ParsedUpload Process(Stream raw, UploadInfo upload, UploadProcessingOptions options, DateTimeOffset now)
    {
        var payload = ReadPayload(raw, upload);
        var rules = PathFixingRules.None;
        var context = new ParseContext(upload.SessionId, new PathFixer(rules, payload.Network, null),
            ParserSettings.Default, now, options.MaxReportAge);
        var files = payload.Files.Select(f => new UploadReportFile(f.FileName, f.Open)).ToList();
        if (files.Count == 0)
            throw new ReportRejectedException(UploadErrorCodes.ReportEmpty, "The upload contained no coverage report.");

        var parsed = parser.Parse(files, context, name => new PathFixer(rules, payload.Network, name));
        new IgnoredLines(payload.Fixes.Resolve(context.Paths)).RemoveFrom(parsed.Report);
        parsed.Report.DropEmptyFiles();
        if (!parsed.Report.Files.Any())
            throw new ReportRejectedException(UploadErrorCodes.ReportEmpty, "Every covered line of the upload is ignored by its line fixes.");
        return parsed;
    }

    private static UploadPayload ReadPayload(Stream raw, UploadInfo upload)
    {
        try
        {
            return UploadPayloadReader.Read(raw, upload.Request.FormatVersion == UploadRequest.CliFormatVersion);
        }
        catch (PayloadRejectedException e)
        {
            throw new ReportRejectedException(e.Code, e.Message);
        }
    }
}
