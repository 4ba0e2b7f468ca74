using Codecov.Grains.Paths;

namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// Codecov's <c>Report.filter(paths, flags)</c>: keep files matching the paths, and on each line only
/// the sessions carrying one of the flags; a line or file left without sessions disappears.
/// </summary>
public static class ReportFilter
{
    public static CoverageReport Apply(CoverageReport report, SessionFlags sessionFlags, IReadOnlyList<string> flags, IReadOnlyList<string> paths)
    {
        if (flags.Count == 0 && paths.Count == 0) return report;
        var matcher = paths.Count == 0 ? PathMatcher.All : PathMatcher.FromUserPatterns(paths);
        IReadOnlySet<int>? keep = flags.Count == 0 ? null : sessionFlags.SessionsWithAny(flags);
        var filtered = new CoverageReport();
        foreach (var id in report.SessionIds)
            if (keep is null || keep.Contains(id)) filtered.AddSession(id);
        foreach (var file in report.Files)
        {
            if (!matcher.Includes(file.Path)) continue;
            if (Restrict(file, keep) is { } kept) filtered.Add(kept);
        }
        return filtered;
    }

    /// <summary>
    /// One file with only the sessions in <paramref name="keep"/> (all when null); null when no coverable
    /// line is left, as Codecov drops such files.
    /// </summary>
    public static FileReport? Restrict(FileReport file, IReadOnlySet<int>? keep)
    {
        FileReport? target = null;
        foreach (var (number, line) in file.Lines)
        {
            if ((keep is null ? line : Restrict(line, keep)) is not { } kept) continue;
            target ??= new FileReport(file.Path);
            target.Set(number, kept);
        }
        return target is { HasCoverage: true } ? target : null;
    }

    private static ReportLine? Restrict(ReportLine line, IReadOnlySet<int> keep)
    {
        var sessions = line.Sessions.Where(s => keep.Contains(s.SessionId)).ToList();
        if (sessions.Count == line.Sessions.Count) return line;
        return sessions.Count == 0 ? null : new ReportLine(line.Kind, sessions);
    }
}
