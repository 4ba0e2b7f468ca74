using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>One report file of an upload: its name and a way to open it (twice: once to detect, once to parse).</summary>
public sealed record UploadReportFile(string FileName, Func<Stream> Open);

/// <summary>
/// Parses every report file of one upload into one session. Files no format claims are skipped, as
/// Codecov's processor skips them; an upload that yields no coverable line is rejected as
/// <c>report_empty</c> (codecov-semantics §5), whether no format claimed it or the claiming format found nothing.
/// </summary>
public sealed class UploadReportParser(FormatRegistry registry)
{
    public CoverageReport Parse(IReadOnlyList<UploadReportFile> files, ParseContext context)
    {
        var report = new CoverageReport();
        report.AddSession(context.SessionId);
        var claimed = new List<string>();
        foreach (var file in files)
        {
            var format = registry.Detect(Probe(file));
            if (format is null) continue;
            claimed.Add($"{file.FileName} ({format.Name})");
            var builder = new ReportBuilder(context with { ReportFileName = file.FileName });
            using (var content = file.Open()) format.Parse(content, builder);
            report.Merge(builder.Build());
        }
        if (!report.Files.Any()) throw Empty(files, claimed);
        return report;
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

    private static ReportRejectedException Empty(IReadOnlyList<UploadReportFile> files, List<string> claimed) =>
        new(UploadErrorCodes.ReportEmpty, claimed.Count == 0
            ? $"No coverage format recognised {string.Join(", ", files.Select(f => f.FileName))}; upload a supported report (LCOV, Cobertura, JaCoCo, Go coverprofile, gcov, coverage.py or Istanbul JSON, …)."
            : $"{string.Join(", ", claimed)} held no coverage for files of this repository; check the report's paths against the repository (codecov.yml fixes).");
}
