using Codecov.Grains.Reports;

namespace Codecov.Grains.Paths;

/// <summary>
/// Applies line fixes to a built report. Codecov hands them to each <c>ReportFile</c> as its
/// <c>ignore</c> (shared <c>_ignore_to_func</c>): a listed line, or any line after a non-zero
/// <c>eof</c>, is never stored, so it counts nowhere.
/// </summary>
public sealed class IgnoredLines(IReadOnlyDictionary<string, FileLineFixes> fixes)
{
    public bool Ignores(string path, int line) =>
        fixes.TryGetValue(path, out var fix) && IsIgnored(fix, line);

    /// <summary>Removes ignored lines from every file, then drops files left without a coverable line.</summary>
    public void RemoveFrom(CoverageReport report)
    {
        foreach (var file in report.Files) RemoveFrom(file);
        report.DropEmptyFiles();
    }

    public void RemoveFrom(FileReport file)
    {
        if (!fixes.TryGetValue(file.Path, out var fix)) return;
        foreach (var number in file.Lines.Select(l => l.Key).Where(n => IsIgnored(fix, n)).ToList())
            file.Remove(number);
    }

    private static bool IsIgnored(FileLineFixes fix, int line) =>
        fix.Lines.Contains(line) || (fix.Eof is > 0 && line > fix.Eof);
}
