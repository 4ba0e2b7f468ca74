using Codecov.Grains.Reports;
using System.Globalization;

namespace Codecov.Grains.Formats;

/// <summary>
/// Xcode / <c>llvm-cov show</c> text (<c>*.app.coverage.txt</c>), as Codecov's <c>languages/xcode.py</c>
/// reads it: a line ending in <c>:</c> names a file, <c>count|line|source</c> (or <c>line|count|source</c>
/// once line 1 shows that order) gives counts, with <c>k</c>/<c>M</c> suffixes (codecov-semantics §3).
/// </summary>
public sealed class XcodeLlvmCovFormat : ICoverageFormat
{
    private static readonly string[] SourceSuffixes = [".h:", ".m:", ".swift:", ".hpp:", ".cpp:", ".cxx:", ".c:", ".C:", ".cc:", ".c++:"];
    private static readonly string[] NameSuffixes = ["app.coverage.txt", "framework.coverage.txt", "xctest.coverage.txt"];

    public string Name => "xcode";

    public bool Matches(ReportProbe probe)
    {
        var first = Printable(probe.FirstLine).Trim();
        return NameSuffixes.Any(s => probe.FileName.EndsWith(s, StringComparison.Ordinal))
            || SourceSuffixes.Any(s => first.EndsWith(s, StringComparison.Ordinal));
    }

    public void Parse(Stream content, ReportBuilder builder)
    {
        string? path = null;
        var skip = false;
        var (lineIndex, countIndex) = (1, 0);
        foreach (var raw in ReportText.Lines(content))
        {
            // xcode.py drops control and non-ASCII characters (colour escapes included) first.
            var line = Printable(raw).Trim(' ');
            if (line.Length == 0 || line[0] is '-' or '|' or 'w') continue;
            if (line.EndsWith(':') && !line.Contains('|'))
            {
                path = line.Length > 2 ? builder.ResolvePath(line[1..^1]) : null;
                skip = path is null;
                continue;
            }
            if (skip || path is null) continue;
            var parts = line.Split('|');
            if (parts.Length < 2 || (parts.Length > 2 && parts[2].Trim() == "}")) continue;
            long number;
            if (ReportText.ParseInt(parts[lineIndex]) is { } n) number = n;
            else if (parts[0] == "1") { (lineIndex, countIndex) = (0, 1); number = 1; }
            else continue;
            var count = parts[countIndex].Replace("E", "", StringComparison.Ordinal).Trim();
            if (count.Length == 0) continue;
            builder.AddLine(path, number, CoverageValue.FromHits(Count(count)));
        }
    }

    /// <summary>A count as xcode.py reads it: <c>1.2k</c> → 1200, any <c>m</c>/<c>M</c> → 99999, more than five digits → 99999, unreadable → 1.</summary>
    private static long Count(string text)
    {
        if (text.Contains('k') || text.Contains('K'))
            return double.TryParse(text.Replace("k", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var k)
                ? MaxInt(Math.Truncate(k * 1000.0)) : 1;
        if (text.Contains('m') || text.Contains('M')) return 99999;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? MaxInt(Math.Truncate(d)) : 1;
    }

    /// <summary>Codecov's <c>maxint</c>: numbers written with more than five characters become 99999.</summary>
    private static long MaxInt(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return 1;
        var text = ((long)Math.Clamp(value, long.MinValue, long.MaxValue)).ToString(CultureInfo.InvariantCulture);
        return text.Length > 5 ? 99999 : long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string Printable(string text) => string.Concat(text.Where(c => c > 31 && c < 127));
}
