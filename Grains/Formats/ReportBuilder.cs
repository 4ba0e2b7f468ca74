using System.Runtime.CompilerServices;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>What a parser needs to know about the upload it is parsing.</summary>
public sealed record ParseContext(
    int SessionId,
    IPathResolver Paths,
    ParserSettings Settings,
    DateTimeOffset Now,
    TimeSpan? MaxReportAge,
    string ReportFileName = "");

/// <summary>
/// Collects one upload's lines into a <see cref="CoverageReport"/>. Parsers hand it repository
/// paths (resolved through <see cref="ResolvePath"/>) and lines; repeated records of the same line
/// merge as Codecov merges them within one session.
/// </summary>
public sealed class ReportBuilder(ParseContext context)
{
    /// <summary>Line numbers above this are refused: no real source file has ten million lines.</summary>
    public const int MaxLineNumber = 10_000_000;

    private CoverageReport report = CreateReport(context.SessionId);
    private readonly Dictionary<string, string?> resolved = new(StringComparer.Ordinal);
    private string? lastPath;
    private FileReport? lastFile;

    public ParseContext Context => context;
    public ParserSettings Settings => context.Settings;
    public int SessionId => context.SessionId;

    /// <summary>Lines skipped because their number was out of range.</summary>
    public int RejectedLines { get; private set; }

    /// <summary>Distinct report paths that matched no repository file.</summary>
    public int UnmatchedPaths { get; private set; }

    /// <summary>Distinct report paths that were resolved to a repository file.</summary>
    public int MatchedPaths { get; private set; }

    /// <summary>The repository path for a path as the report names it, or null when the file is dropped.</summary>
    public string? ResolvePath(string reportedPath)
    {
        if (resolved.TryGetValue(reportedPath, out var path)) return path;
        path = context.Paths.Resolve(reportedPath);
        if (path is null) UnmatchedPaths++; else MatchedPaths++;
        resolved[reportedPath] = path;
        return path;
    }

    /// <summary>Records a line of <paramref name="path"/> (already resolved) for this session.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddLine(string path, long lineNumber, CoverageValue coverage, LineKind kind = LineKind.Line,
        MissingBranches missing = default, Complexity? complexity = null)
    {
        if (lineNumber < 1 || lineNumber > MaxLineNumber)
        {
            RejectedLines++;
            return;
        }
        if (complexity is null) FileFor(path).AppendOwned((int)lineNumber, kind, context.SessionId, coverage, missing);
        else FileFor(path).AppendOwned((int)lineNumber, new ReportLine(kind, new LineSession(context.SessionId, coverage, missing, complexity)));
    }

    /// <summary>As the public <see cref="AddLine(string, long, CoverageValue, LineKind, MissingBranches, Complexity?)"/>, for a parser's values without complexity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddLine(string path, int lineNumber, LineKind kind, CoverageValue coverage, MissingBranches missing)
    {
        if (lineNumber < 1 || lineNumber > MaxLineNumber)
        {
            RejectedLines++;
            return;
        }
        FileFor(path).AppendOwned(lineNumber, kind, context.SessionId, coverage, missing);
    }

    /// <summary>Records a whole line a parser assembled (one session, this one); the report takes it over.</summary>
    internal void AddLine(string path, int lineNumber, ReportLine line)
    {
        if (lineNumber < 1 || lineNumber > MaxLineNumber)
        {
            RejectedLines++;
            return;
        }
        FileFor(path).AppendOwned(lineNumber, line);
    }

    /// <summary>Parsers add the lines of one file in a row: the last file is kept to skip a lookup by path per line.</summary>
    private FileReport FileFor(string path)
    {
        if (!ReferenceEquals(path, lastPath))
        {
            lastFile = report.GetOrAddFile(path);
            lastPath = path;
        }
        return lastFile!;
    }

    /// <summary>The file being built for <paramref name="path"/>, for parsers that adjust lines after the fact.</summary>
    public FileReport File(string path) => report.GetOrAddFile(path);

    /// <summary>
    /// Codecov's <c>max_report_age</c>: a report whose own timestamp is older than the limit is
    /// rejected as <c>report_expired</c>.
    /// </summary>
    public void CheckReportAge(DateTimeOffset generatedAt)
    {
        if (context.MaxReportAge is not { } maxAge) return;
        if (generatedAt < context.Now - maxAge)
        {
            throw new ReportRejectedException(UploadErrorCodes.ReportExpired,
                $"The report was generated at {generatedAt:u}, more than {maxAge.TotalHours:0.##} hours ago " +
                "(codecov.max_report_age); upload a fresh report or change codecov.max_report_age.");
        }
    }

    /// <summary>Forgets everything added so far, for a parser that starts over with another reader.</summary>
    internal void Reset()
    {
        report = CreateReport(context.SessionId);
        resolved.Clear();
        (RejectedLines, UnmatchedPaths, MatchedPaths) = (0, 0, 0);
        (lastPath, lastFile) = (null, null);
    }

    /// <summary>The report with files that hold no coverable line dropped.</summary>
    public CoverageReport Build()
    {
        report.DropEmptyFiles();
        return report;
    }

    private static CoverageReport CreateReport(int sessionId)
    {
        var r = new CoverageReport();
        r.AddSession(sessionId);
        return r;
    }
}
