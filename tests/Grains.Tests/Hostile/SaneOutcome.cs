using System.Globalization;
using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>
/// What every hostile input must end in: a report whose totals add up and whose paths and line
/// numbers are sane, or a rejection with a readable message — never another exception, never a hang.
/// </summary>
public static class SaneOutcome
{
    /// <summary>Null when the outcome is acceptable, otherwise what is wrong with it.</summary>
    public static string? Problem(ParseOutcome outcome)
    {
        if (outcome.TimedOut) return outcome.Describe();
        if (outcome.Failure is { } failure)
        {
            if (!outcome.IsRejection) return $"{outcome.Describe()}\n{failure.StackTrace}";
            return string.IsNullOrWhiteSpace(failure.Message) || failure.Message.Length < 20
                ? $"rejection without a readable message: '{failure.Message}'"
                : null;
        }
        return outcome.Report is null ? null : ReportProblem(outcome.Report);
    }

    public static void Assert(ParseOutcome outcome, string because = "")
    {
        if (Problem(outcome) is { } problem) Xunit.Assert.Fail($"{because}{(because.Length > 0 ? ": " : "")}{problem}");
    }

    /// <summary>The outcome was a rejection (not a report) with a readable message.</summary>
    public static void AssertRejected(ParseOutcome outcome)
    {
        Assert(outcome);
        Xunit.Assert.True(outcome.IsRejection, $"expected a rejection, got: {outcome.Describe()}");
    }

    private static string? ReportProblem(CoverageReport report)
    {
        var t = report.Totals;
        if (t.Hits < 0 || t.Misses < 0 || t.Partials < 0 || t.Lines != t.Hits + t.Misses + t.Partials)
            return $"totals do not add up: {t}";
        if (t.Coverage is { } coverage && !ValidCoverage(coverage)) return $"coverage '{coverage}' is not a percentage";
        foreach (var file in report.Files)
        {
            if (PathProblem(file.Path) is { } problem) return problem;
            foreach (var (number, _) in file.Lines)
            {
                if (number is < 1 or > ReportBuilder.MaxLineNumber) return $"{file.Path} holds line {number}";
            }
        }
        return null;
    }

    /// <summary>A repository path is relative and stays inside the repository.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0) return "an empty path";
        if (path.StartsWith('/') || path.StartsWith('\\')) return $"path '{path}' is absolute";
        if (path.Replace('\\', '/').Split('/').Contains("..")) return $"path '{path}' climbs out with '..'";
        return null;
    }

    private static bool ValidCoverage(string coverage) =>
        decimal.TryParse(coverage, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100;
}
