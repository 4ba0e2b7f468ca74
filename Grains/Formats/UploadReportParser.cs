using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>One report file of an upload: its name and a way to open it (twice: once to detect, once to parse).</summary>
public sealed record UploadReportFile(string FileName, Func<Stream> Open);

/// <summary>An upload's session report and the formats that contributed to it.</summary>
public sealed record ParsedUpload(CoverageReport Report, IReadOnlyList<string> Formats);

/// <summary>
/// Parses every report file of one upload into one session. Files no format claims are skipped, as
/// Codecov's processor skips them; a file whose format rejects it does not spoil the others. An
/// upload that yields no coverable line is rejected with the most useful reason available
/// (codecov-semantics §5): the first file's rejection, no path matching the repository, or
/// <c>report_empty</c>, whether no format claimed a file or the claiming format found nothing.
/// </summary>
public sealed class UploadReportParser(FormatRegistry registry)
{
    /// <param name="pathsFor">The path resolver for a given report file (paths relative to the
    /// report's own folder resolve too); <see cref="ParseContext.Paths"/> when null.</param>
    public ParsedUpload Parse(IReadOnlyList<UploadReportFile> files, ParseContext context, Func<string, IPathResolver>? pathsFor = null)
    {
        var report = new CoverageReport();
        report.AddSession(context.SessionId);
        var outcomes = files.Select(file => ParseFile(file, context, pathsFor)).ToList();
        foreach (var outcome in outcomes.Where(o => o.Report is not null)) report.MergeFrom(outcome.Report!);
        if (!report.Files.Any()) throw Explain(outcomes);
        return new ParsedUpload(report, outcomes.Where(o => o.Report is not null).Select(o => o.Format!).Distinct().ToList());
    }

    private FileOutcome ParseFile(UploadReportFile file, ParseContext context, Func<string, IPathResolver>? pathsFor)
    {
        var format = registry.Detect(Probe(file));
        if (format is null) return new FileOutcome(file.FileName, null, null, null, 0);

        var paths = pathsFor?.Invoke(file.FileName) ?? context.Paths;
        var builder = new ReportBuilder(context with { ReportFileName = file.FileName, Paths = paths });
        try
        {
            using (var content = file.Open()) format.Parse(content, builder);
            var built = builder.Build();
            return new FileOutcome(file.FileName, format.Name, built.Files.Any() ? built : null, null, builder.UnmatchedPaths);
        }
        catch (ReportRejectedException rejected)
        {
            return new FileOutcome(file.FileName, format.Name, null, rejected, builder.UnmatchedPaths);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug or unforeseen input must end as a reason on the upload, never a crash.
            return new FileOutcome(file.FileName, format.Name, null, ReportRejectedException.Malformed(format.Name, e.Message), builder.UnmatchedPaths);
        }
    }

    private static ReportProbe Probe(UploadReportFile file)
    {
        using var content = file.Open();
        var head = new byte[ReportProbe.HeadSize];
        var length = 0;
        int read;
        while (length < head.Length && (read = content.Read(head, length, head.Length - length)) > 0) length += read;
        return new ReportProbe(file.FileName, head.AsMemory(0, length));
    }

    private static ReportRejectedException Explain(IReadOnlyList<FileOutcome> outcomes)
    {
        if (outcomes.FirstOrDefault(o => o.Rejection is not null)?.Rejection is { } first) return first;
        var claimed = outcomes.Where(o => o.Format is not null).Select(o => $"{o.FileName} ({o.Format})").ToList();
        if (claimed.Count == 0)
        {
            return new ReportRejectedException(UploadErrorCodes.ReportEmpty,
                $"No coverage format recognised {string.Join(", ", outcomes.Select(o => o.FileName))}; upload a supported report " +
                "(LCOV, Cobertura, JaCoCo, Go coverprofile, gcov, coverage.py or Istanbul JSON, …).");
        }
        if (outcomes.Any(o => o.UnmatchedPaths > 0))
        {
            return new ReportRejectedException(UploadErrorCodes.NoMatchingFiles,
                $"No file in the report matched the repository's files ({string.Join(", ", claimed)}); check the report's " +
                "paths against the repository (codecov.yml `fixes` can rewrite them).");
        }
        return new ReportRejectedException(UploadErrorCodes.ReportEmpty, $"{string.Join(", ", claimed)} held no coverable lines.");
    }

    private sealed record FileOutcome(string FileName, string? Format, CoverageReport? Report,
        ReportRejectedException? Rejection, int UnmatchedPaths);
}
