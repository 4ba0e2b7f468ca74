using Codecov.Grains.Reports;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Formats;

/// <summary>
/// gcov text (<c>*.gcov</c>, optionally with <c>-b</c> branch lines), as Codecov's
/// <c>languages/gcov.py</c> reads it: brace-only lines and <c>N*</c>/<c>-</c> counts are dropped,
/// <c>LCOV_EXCL_*</c> is honoured, and branch lines count only where
/// <c>parsers.gcov.branch_detection</c> allows (if/for/while, methods, macros; codecov-semantics §2, §3).
/// </summary>
public sealed partial class GcovFormat : ICoverageFormat
{
    public string Name => "gcov";

    public bool Matches(ReportProbe probe)
    {
        var end = probe.Text.IndexOf('\n');
        return (end < 0 ? probe.Text : probe.Text[..end]).Contains("0:Source:", StringComparison.Ordinal);
    }

    public void Parse(Stream content, ReportBuilder builder)
    {
        using var lines = ReportText.Lines(content).GetEnumerator();
        if (!lines.MoveNext()) return;
        if (ResolveSource(lines.Current, builder) is not { } path) return;
        var reader = new GcovReader(path, builder.Settings);
        while (lines.MoveNext()) reader.Read(lines.Current);
        reader.Emit(builder);
    }

    /// <summary>The <c>Source:</c> name, preferring the report's own file name minus <c>.gcov</c> when it ends with it.</summary>
    private static string? ResolveSource(string header, ReportBuilder builder)
    {
        var parts = header.Split(':');
        if (parts.Length < 4)
            throw ReportRejectedException.Malformed("gcov", "the first line does not name the source file (\"-: 0:Source:<file>\").");
        var source = parts[3].TrimStart('.', '/');
        var reportName = builder.Context.ReportFileName;
        if (reportName.Length > 0 && reportName.EndsWith(source + ".gcov", StringComparison.Ordinal))
            return builder.ResolvePath(reportName[..^5]) ?? builder.ResolvePath(source);
        return builder.ResolvePath(source);
    }

    [GeneratedRegex(@"^(\{|\})(\s*//.*)?")]
    private static partial Regex BraceLine();

    [GeneratedRegex(@"^\s+(for|while)\s?\(")]
    internal static partial Regex LoopLine();

    [GeneratedRegex(@"^\s+((if\s?\()|(\} else if\s?\())")]
    internal static partial Regex ConditionalLine();

    /// <summary>The state machine of gcov.py's <c>_process_gcov_file</c>.</summary>
    private sealed class GcovReader(string path, ParserSettings settings)
    {
        private readonly Dictionary<int, List<long>> counts = [];
        private readonly Dictionary<int, LineKind> kinds = [];
        private readonly Dictionary<int, int[]> branches = [];
        private bool excluded;
        private bool nextIsFunction;
        private int? current;
        private string source = "";
        private bool? branchDetected;
        private int[]? branch;

        public void Read(string line)
        {
            if (line.Contains("LCOV_EXCL_START", StringComparison.Ordinal)) excluded = true;
            else if (line.Contains("LCOV_EXCL_END", StringComparison.Ordinal) || line.Contains("LCOV_EXCL_STOP", StringComparison.Ordinal)) excluded = false;
            else if (excluded || line.Contains("LCOV_EXCL_LINE", StringComparison.Ordinal)) { }
            else if (line.StartsWith("func", StringComparison.Ordinal)) nextIsFunction = true;
            else if (line.StartsWith("bran", StringComparison.Ordinal) && current is { } n && counts.ContainsKey(n)) ReadBranch(n, line);
            else if (line.StartsWith("call", StringComparison.Ordinal)) { }
            else ReadSourceLine(line);
        }

        public void Emit(ReportBuilder builder)
        {
            foreach (var (number, values) in counts)
            {
                var kind = kinds[number];
                if (branches.TryGetValue(number, out var b))
                {
                    builder.AddLine(path, number, CoverageValue.FromBranches(b[0], b[1]), kind);
                    continue;
                }
                foreach (var hits in values) builder.AddLine(path, number, CoverageValue.FromHits(hits), kind);
            }
        }

        private void ReadBranch(int number, string line)
        {
            if (branchDetected == false) return;
            if (branchDetected is null)
            {
                branchDetected = false;
                if (!BranchCounts(number)) return;
                branchDetected = true;
                if (!branches.TryGetValue(number, out branch)) branches[number] = branch = new int[2];
            }
            if (!line.Contains("taken 0", StringComparison.Ordinal) && !line.Contains("never executed", StringComparison.Ordinal)) branch![0]++;
            branch![1]++;
        }

        /// <summary>Classifies the line the branches belong to and applies <c>parsers.gcov.branch_detection</c>.</summary>
        private bool BranchCounts(int number)
        {
            if (kinds[number] == LineKind.Method) return settings.GcovBranchDetectionMethod;
            if (LoopLine().IsMatch(source))
            {
                kinds[number] = LineKind.Branch;
                return settings.GcovBranchDetectionLoop;
            }
            if (ConditionalLine().IsMatch(source))
            {
                kinds[number] = LineKind.Branch;
                return settings.GcovBranchDetectionConditional;
            }
            return settings.GcovBranchDetectionMacro;
        }

        private void ReadSourceLine(string line)
        {
            branchDetected = null;
            branch = null;
            var parts = line.Split(':', 3);
            if (parts.Length != 3) { current = null; return; }
            // A closing brace or @implementation line is skipped without forgetting the previous line.
            if (parts[2].Trim() == "}" || parts[2].StartsWith("@implementation", StringComparison.Ordinal)) return;
            var swift = path.EndsWith(".swift", StringComparison.Ordinal);
            var (hitText, numberText) = swift ? (parts[1], parts[0]) : (parts[0], parts[1]);
            source = parts[2];
            if (BraceLine().IsMatch(source) || hitText.Contains('-')) { current = null; return; }
            hitText = hitText.Trim();
            if (ReportText.ParseInt(numberText) is not { } parsed) { current = null; return; }
            var number = (int)Math.Clamp(parsed, int.MinValue, int.MaxValue);
            current = number;
            long hits;
            if (hitText == "#####")
            {
                var code = source.Trim();
                if (code.StartsWith("inline", StringComparison.Ordinal) || code.StartsWith("static", StringComparison.Ordinal)) { current = null; return; }
                hits = 0;
            }
            else if (hitText == "=====") hits = 0;
            // "5*" (a line with unexecuted blocks) is not an int: gcov.py drops it.
            else if (ReportText.ParseInt(hitText) is { } h) hits = h;
            else { current = null; return; }

            kinds[number] = nextIsFunction ? LineKind.Method : LineKind.Line;
            if (!counts.TryGetValue(number, out var list)) counts[number] = list = [];
            list.Add(hits);
            nextIsFunction = false;
        }
    }
}
