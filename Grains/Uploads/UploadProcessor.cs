using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Uploads;

/// <summary>One processed upload: its session report and the formats it held.</summary>
public sealed record ProcessedUpload(CoverageReport Report, IReadOnlyList<string> Formats);

/// <summary>
/// Turns an upload's raw payload into its session report: decode the envelope, detect each
/// file's format, parse it with paths resolved against the network, apply line fixes, merge the
/// files into one session. Every fault of the bytes becomes a <see cref="ReportRejectedException"/>
/// with a reason the user can act on (codecov-semantics §5 error codes).
/// </summary>
public sealed class UploadProcessor(FormatRegistry formats)
{
    public ProcessedUpload Process(Stream raw, UploadInfo upload, UploadProcessingOptions options, DateTimeOffset now)
    {
        var payload = ReadPayload(raw, upload);
        if (payload.Files.Count == 0)
            throw new ReportRejectedException(UploadErrorCodes.ReportEmpty, "The upload contained no coverage report.");

        var session = new CoverageReport();
        session.AddSession(upload.SessionId);
        var found = new List<string>();
        var outcomes = new List<FileOutcome>();
        foreach (var file in payload.Files)
        {
            var outcome = ParseFile(file, payload, upload, options, now);
            outcomes.Add(outcome);
            if (outcome.Report is null) continue;
            session.Merge(outcome.Report);
            found.Add(outcome.Format!);
        }
        var fixes = payload.Fixes.Resolve(new PathFixer(PathFixingRules.None, payload.Network, null));
        new IgnoredLines(fixes).RemoveFrom(session);
        session.DropEmptyFiles();
        if (!session.Files.Any()) throw Explain(outcomes);
        return new ProcessedUpload(session, found.Distinct().ToList());
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

    private FileOutcome ParseFile(CoverageFile file, UploadPayload payload, UploadInfo upload,
        UploadProcessingOptions options, DateTimeOffset now)
    {
        var probe = new ReportProbe(file.FileName, file.Content[..Math.Min(file.Content.Length, ReportProbe.HeadSize)]);
        var format = formats.Detect(probe);
        if (format is null) return new FileOutcome(file.FileName, null, null, null, 0);

        var paths = new PathFixer(PathFixingRules.None, payload.Network, file.FileName);
        var context = new ParseContext(upload.SessionId, paths, ParserSettings.Default, now, options.MaxReportAge, file.FileName);
        var builder = new ReportBuilder(context);
        try
        {
            using var content = file.Open();
            format.Parse(content, builder);
            var report = builder.Build();
            return new FileOutcome(file.FileName, format.Name, report.Files.Any() ? report : null, null, builder.UnmatchedPaths);
        }
        catch (ReportRejectedException rejected)
        {
            return new FileOutcome(file.FileName, format.Name, null, rejected, builder.UnmatchedPaths);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var rejected = ReportRejectedException.Malformed(format.Name, e.Message);
            return new FileOutcome(file.FileName, format.Name, null, rejected, builder.UnmatchedPaths);
        }
    }

    /// <summary>Why nothing came out of the upload, in the most useful words available.</summary>
    private static ReportRejectedException Explain(IReadOnlyList<FileOutcome> outcomes)
    {
        if (outcomes.FirstOrDefault(o => o.Rejection is not null)?.Rejection is { } first) return first;
        if (outcomes.Any(o => o.UnmatchedPaths > 0))
        {
            return new ReportRejectedException(UploadErrorCodes.NoMatchingFiles,
                "No file in the report matched the repository's files; check the paths in the report " +
                "against the repository (codecov.yml `fixes` can rewrite them).");
        }
        if (outcomes.All(o => o.Format is null))
        {
            var names = string.Join(", ", outcomes.Select(o => o.FileName));
            return new ReportRejectedException(UploadErrorCodes.UnsupportedFileFormat,
                $"No supported coverage format was recognised in: {names}.");
        }
        return new ReportRejectedException(UploadErrorCodes.ReportEmpty, "The coverage reports contained no coverable lines.");
    }

    private sealed record FileOutcome(string FileName, string? Format, CoverageReport? Report,
        ReportRejectedException? Rejection, int UnmatchedPaths);
}
