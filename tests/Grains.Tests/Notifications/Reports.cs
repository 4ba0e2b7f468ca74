using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Tests.Notifications;

/// <summary>Hand-built reports: 'h' hit, 'm' miss, 'p' partial, '.' no line.</summary>
internal static class Reports
{
    public const string BaseSha = "abc1234aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string HeadSha = "def5678bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    public static CoverageReport Build(params (string Path, string Lines)[] files) => BuildSession(0, files);

    public static CoverageReport BuildSession(int session, params (string Path, string Lines)[] files)
    {
        var report = new CoverageReport();
        report.AddSession(session);
        AddTo(report, session, files);
        return report;
    }

    public static void AddTo(CoverageReport report, int session, params (string Path, string Lines)[] files)
    {
        report.AddSession(session);
        foreach (var (path, lines) in files)
            for (var i = 0; i < lines.Length; i++)
            {
                var value = lines[i] switch
                {
                    'h' => CoverageValue.FromHits(1),
                    'm' => CoverageValue.FromHits(0),
                    'p' => CoverageValue.FromBranches(1, 2),
                    _ => CoverageValue.None,
                };
                if (value.IsNone) continue;
                report.GetOrAddFile(path).Append(i + 1, new ReportLine(LineKind.Line, new LineSession(session, value, MissingBranches.Unknown)));
            }
    }

    /// <summary>A report of <paramref name="lines"/> lines in one file, the first <paramref name="hits"/> of them hit.</summary>
    public static CoverageReport WithCoverage(int hits, int lines) =>
        Build(("src/big.c", new string('h', hits) + new string('m', lines - hits)));

    public static CoverageComparison Compare(CoverageReport? baseReport, CoverageReport? head, params DiffFile[] diff) =>
        new(new ComparedCommit(BaseSha, baseReport, SessionFlags.None), new ComparedCommit(HeadSha, head, SessionFlags.None), diff);

    public static DiffFile Modified(string path, params DiffSegment[] segments) => new(path, null, DiffFileKind.Modified, segments);

    public static DiffSegment Segment(int baseStart, int headStart, params string[] lines) =>
        new(baseStart, lines.Count(l => l[0] != '+'), headStart, lines.Count(l => l[0] != '-'), lines);
}
