using Codecov.Grains.Reports;

namespace Codecov.Grains.Commits;

/// <summary>Maps a merged report to the API's per-file view (API v2 <c>line_coverage</c>: 0 hit, 1 miss, 2 partial).</summary>
public static class CommitReportView
{
    public static IReadOnlyList<FileCoverage> Files(CoverageReport report) =>
        report.Files
            .Where(f => f.HasCoverage)
            .Select(f => File(f, lines: true))
            .ToList();

    public static FileCoverage File(FileReport file, bool lines) =>
        new(file.Path, file.Totals with { Files = 1 }, lines ? Lines(file) : []);

    private static IReadOnlyList<LineCoverage> Lines(FileReport file) =>
        file.Lines
            .Where(l => l.Value.Type is LineType.Hit or LineType.Miss or LineType.Partial)
            .Select(l => new LineCoverage(l.Key, (int)l.Value.Type))
            .ToList();
}
