using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using Codecov.Grains.Uploads;
using Codecov.Grains.Uploads.Payload;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>How one hostile or mutated input ended: a report, a rejection, or something that must never happen.</summary>
public sealed record ParseOutcome(CoverageReport? Report, Exception? Failure, bool TimedOut)
{
    /// <summary>A rejection the product means to give: a report or payload Codecov would not accept.</summary>
    public bool IsRejection => Failure is ReportRejectedException or PayloadRejectedException;

    public string Describe() => TimedOut
        ? "did not finish in time (hang?)"
        : Failure is null ? "parsed" : $"{Failure.GetType().Name}: {Failure.Message}";
}

/// <summary>
/// Runs one input through a parser on a worker thread with a deadline, so a hang fails the case
/// instead of the whole run. Paths resolve with no network and no rules, so every reported path is
/// kept and its clean-up can be checked.
/// </summary>
public static class BoundedParse
{
    /// <summary>Generous for the shared two-core machine; a real hang never finishes.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static ParseContext Context(int sessionId = 1, string reportFileName = "") =>
        new(sessionId, new PathFixer(PathFixingRules.None, null, reportFileName), ParserSettings.Default,
            DateTimeOffset.UtcNow, MaxReportAge: null, reportFileName);

    /// <summary>One format, called directly (no registry, no safety net around it).</summary>
    public static ParseOutcome Format(ICoverageFormat format, byte[] content, string fileName = "report") =>
        Run(() =>
        {
            var builder = new ReportBuilder(Context(reportFileName: fileName));
            format.Parse(new MemoryStream(content, writable: false), builder);
            return builder.Build();
        });

    /// <summary>Detection by the registry, then the upload parser, as an upload's report file goes.</summary>
    public static ParseOutcome Upload(byte[] content, string fileName = "report") =>
        Run(() => new UploadReportParser(FormatRegistry.Default)
            .Parse([new UploadReportFile(fileName, () => new MemoryStream(content, writable: false))], Context(reportFileName: fileName))
            .Report);

    /// <summary>A raw upload body through the payload reader and the processor, as the upload grain runs it.</summary>
    public static ParseOutcome Processor(byte[] body, bool createdByCli = false) => Run(() => Process(body, createdByCli));

    /// <summary>The processor on the calling thread, for callers that measure what it allocates.</summary>
    public static CoverageReport Process(byte[] body, bool createdByCli = false) =>
        new UploadProcessor(new UploadReportParser(FormatRegistry.Default))
            .Process(new MemoryStream(body, writable: false), UploadFor(createdByCli), new UploadProcessingOptions { MaxReportAgeHours = 0 },
                DateTimeOffset.UtcNow)
            .Report;

    /// <summary>Detection alone: claiming a report must never throw, whatever its first bytes.</summary>
    public static ParseOutcome Detect(byte[] content, string fileName = "report") =>
        Run(() =>
        {
            FormatRegistry.Default.Detect(new ReportProbe(fileName, content.AsMemory(0, Math.Min(content.Length, ReportProbe.HeadSize))));
            return null;
        });

    public static ParseOutcome Run(Func<CoverageReport?> parse)
    {
        var task = Task.Run(parse);
        try
        {
            var report = task.WaitAsync(Deadline).GetAwaiter().GetResult();
            return new ParseOutcome(report, null, false);
        }
        catch (TimeoutException)
        {
            // The worker cannot be stopped; it is left to finish (or spin) while the case fails.
            return new ParseOutcome(null, null, true);
        }
        catch (Exception e)
        {
            return new ParseOutcome(null, e, false);
        }
    }

    private static UploadInfo UploadFor(bool createdByCli) => new(
        "hostile", 1, UploadStates.Uploaded,
        new UploadRequest([], null, null, null, null, null, "uploaded", new Dictionary<string, string>(), null,
            createdByCli ? UploadRequest.CliFormatVersion : null),
        DateTimeOffset.UtcNow, null, null, null, []);
}
