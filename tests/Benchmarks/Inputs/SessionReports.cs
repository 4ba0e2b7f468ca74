using Codecov.Grains.Reports;

namespace Codecov.Benchmarks.Inputs;

/// <summary>
/// Deterministic session reports of one repository: every session covers the same files (as the
/// uploads of one CI matrix do) with its own hit counts, a share of branch lines with missing
/// branch ids (so merges take the intersection path) and a few method lines.
/// </summary>
public static class SessionReports
{
    public const int Files = 2_000;
    // 25 lines (20 coverable) per file keeps 150 sessions of 2,000 files near 1 GB of session reports.
    public const int LinesPerFile = 25;

    public static IReadOnlyList<CoverageReport> Create(int sessions, int files = Files, int linesPerFile = LinesPerFile)
    {
        var reports = new List<CoverageReport>(sessions);
        for (var session = 0; session < sessions; session++) reports.Add(Session(session, files, linesPerFile));
        return reports;
    }

    /// <summary>All sessions merged into one commit report, as the commit grain holds it.</summary>
    public static CoverageReport Merged(int sessions)
    {
        var merged = new CoverageReport();
        foreach (var report in Create(sessions)) merged.Merge(report);
        return merged;
    }

    private static CoverageReport Session(int session, int files, int linesPerFile)
    {
        var random = new Random(1_000 + session);
        var report = new CoverageReport();
        report.AddSession(session);
        for (var f = 0; f < files; f++)
        {
            var file = report.GetOrAddFile($"src/module{f / 50:D3}/file{f:D4}.cs");
            for (var n = 1; n <= linesPerFile; n++)
            {
                // Not every line is coverable; the same lines are in every session.
                if ((n * 7 + f) % 5 == 0) continue;
                file.Set(n, Line(session, n, random));
            }
        }
        return report;
    }

    private static ReportLine Line(int session, int number, Random random)
    {
        if (number % 10 == 3)
        {
            var covered = random.Next(0, 5);
            string[] missing = covered == 4 ? [] : Enumerable.Range(covered, 4 - covered).Select(i => $"0:{i}").ToArray();
            return new ReportLine(LineKind.Branch,
                new LineSession(session, CoverageValue.FromBranches(covered, 4), missing.Length == 0 ? MissingBranches.Unknown : new MissingBranches(missing)));
        }
        var hits = random.Next(0, 3) == 0 ? 0 : random.Next(1, 50);
        var kind = number % 25 == 1 ? LineKind.Method : LineKind.Line;
        return new ReportLine(kind, new LineSession(session, CoverageValue.FromHits(hits), MissingBranches.Unknown));
    }
}
