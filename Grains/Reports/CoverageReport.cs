namespace Codecov.Grains.Reports;

/// <summary>A whole report: files by path, merged across sessions (Codecov's <c>Report</c>).</summary>
public sealed class CoverageReport
{
    private readonly Dictionary<string, FileReport> files = new(StringComparer.Ordinal);
    private readonly SortedSet<int> sessions = new();

    public IEnumerable<FileReport> Files => files.Values.OrderBy(f => f.Path, StringComparer.Ordinal);

    public IReadOnlyCollection<int> SessionIds => sessions;

    public FileReport? this[string path] => files.GetValueOrDefault(path);

    public FileReport GetOrAddFile(string path)
    {
        if (!files.TryGetValue(path, out var file)) files[path] = file = new FileReport(path);
        return file;
    }

    public void AddSession(int sessionId) => sessions.Add(sessionId);

    /// <summary>Takes a file read or built on its own; its path must be new to this report.</summary>
    public void Add(FileReport file) => files.Add(file.Path, file);

    /// <summary>Merges another report into this one, file by file, line by line; <paramref name="other"/> is left as it was.</summary>
    public void Merge(CoverageReport other) => Merge(other, consume: false);

    /// <summary>
    /// As <see cref="Merge(CoverageReport)"/>, taking over <paramref name="session"/>'s files and lines
    /// instead of sharing them, so later merges change them in place: <paramref name="session"/> must
    /// not be used afterwards. This is how an upload's session report joins the commit report.
    /// </summary>
    public void MergeFrom(CoverageReport session) => Merge(session, consume: true);

    private void Merge(CoverageReport other, bool consume)
    {
        foreach (var id in other.sessions) sessions.Add(id);
        foreach (var file in other.files.Values)
        {
            // Codecov's Report.append skips only a file without any line (len(_file) == 0); a file whose lines
            // are all -1 still merges, so its -1 wins over the lines already here. Skipping it made merging
            // depend on grouping (found by MergePropertyTests.Merging_is_associative_on_totals).
            if (file.Count == 0) continue;
            if (!files.TryGetValue(file.Path, out var target))
            {
                // A file new to this report is adopted whole when it is ours to take, lines and all.
                if (consume)
                {
                    files[file.Path] = file;
                    continue;
                }
                files[file.Path] = target = new FileReport(file.Path);
            }
            if (consume) target.MergeFrom(file);
            else target.Merge(file);
        }
        if (consume)
        {
            other.files.Clear();
            other.sessions.Clear();
        }
    }

    /// <summary>Removes sessions (a re-processed or carried-forward upload) and the files they leave empty.</summary>
    public void RemoveSessions(IReadOnlySet<int> sessionIds)
    {
        foreach (var id in sessionIds) sessions.Remove(id);
        foreach (var file in files.Values.ToList())
        {
            file.RemoveSessions(sessionIds);
            if (file.Count == 0) files.Remove(file.Path);
        }
    }

    /// <summary>Drops files that hold no coverable line, as Codecov does when it builds a report.</summary>
    public void DropEmptyFiles()
    {
        foreach (var file in files.Values.Where(f => !f.HasCoverage).ToList()) files.Remove(file.Path);
    }

    /// <summary>Codecov's report totals: file totals summed, coverage recomputed, sessions counted.</summary>
    public ReportTotals Totals =>
        LineTotals.Sum(files.Values.Select(f => f.Totals).Where(t => t.Lines > 0)) with { Sessions = sessions.Count };
}
