using Codecov.Grains.Reports;
using System.Globalization;

namespace Codecov.Grains.Formats;

/// <summary>
/// LCOV tracefiles (<c>lcov.info</c>), as Codecov's <c>languages/lcov.py</c> reads them
/// (codecov-semantics §3; codecov-upload-protocol §10.9): <c>DA</c> gives hit counts, <c>BRDA</c>
/// replaces the line with <c>taken/total</c>, <c>FN</c> turns a branch line into a method line.
/// </summary>
public sealed class LcovFormat : ICoverageFormat
{
    public string Name => "lcov";

    /// <summary>Codecov claims any text holding <c>\nend_of_record</c>.</summary>
    public bool Matches(ReportProbe probe) => probe.Text.Contains("\nend_of_record", StringComparison.Ordinal);

    public void Parse(Stream content, ReportBuilder builder)
    {
        // One scratch file serves every record in turn: its line table is reused, not reallocated.
        var scratch = new FileReport("");
        var record = new LcovRecord(builder, scratch);
        foreach (var line in ReportText.Lines(content))
        {
            // Codecov splits the report on "\nend_of_record"; each piece is one record.
            if (line.StartsWith("end_of_record", StringComparison.Ordinal))
            {
                record.Flush();
                record = new LcovRecord(builder, scratch);
                continue;
            }
            record.Read(line);
        }
        record.Flush();
    }

    /// <summary>One <c>SF</c>…<c>end_of_record</c> section; duplicate sections of a file merge in the session.</summary>
    private sealed class LcovRecord(ReportBuilder builder, FileReport scratch)
    {
        // Keys are the line numbers as written, in first-seen order, as lcov.py's dicts keep them.
        private Dictionary<string, Dictionary<string, int>>? branches;
        private HashSet<string>? functionLines;
        private List<string>? skippedLines;
        private string? path;
        private bool javascript;
        private bool cpp;
        private bool abandoned;

        public void Read(string line)
        {
            if (abandoned || line.Length == 0) return;
            var colon = line.IndexOf(':');
            if (colon < 0) return;
            var method = line.AsSpan(0, colon);
            var value = line.AsSpan(colon + 1).Trim();
            if (method is "TN" or "LF" or "LH" or "FNF" or "FNH" or "BRF" or "BRH" or "FNDA") return;
            if (method is "SF")
            {
                StartFile(value.ToString());
                return;
            }
            // lcov.py gives up on the whole record when data comes before a usable SF.
            if (path is null) { abandoned = true; return; }
            // Codecov ignores BRDA/FN for .js files (codecov-upload-protocol §10.9); the brief lets
            // parsers.javascript.enable_partials turn them back on.
            var structural = !javascript || builder.Settings.JavascriptEnablePartials;
            if (method is "DA") ReadLine(value);
            else if (method is "FN" && structural) ReadFunction(value);
            else if (method is "BRDA" && structural) ReadBranch(value);
        }

        public void Flush()
        {
            if (path is not null && !abandoned)
            {
                if (branches is not null) FlushBranches();
                foreach (var (number, line) in scratch.OrderedLines()) builder.AddLine(path, number, line);
            }
            scratch.Clear();
        }

        private void FlushBranches()
        {
            foreach (var skipped in skippedLines ?? []) branches!.Remove(skipped);
            foreach (var (lineText, taken) in branches!)
            {
                if (ReportText.ParseInt(lineText) is not { } number || number < 1 || number > ReportBuilder.MaxLineNumber) continue;
                var covered = taken.Values.Sum();
                var missing = taken.Where(b => b.Value == 0).Select(b => b.Key).ToArray();
                var kind = functionLines?.Contains(lineText) == true ? LineKind.Method : LineKind.Branch;
                var session = new LineSession(builder.SessionId, CoverageValue.FromBranches(covered, taken.Count),
                    missing.Length == 0 ? MissingBranches.Unknown : new MissingBranches(missing));
                // lcov.py overwrites the DA value rather than merging with it.
                scratch.Set((int)number, new ReportLine(kind, session));
            }
        }

        private void StartFile(string reportedPath)
        {
            javascript = reportedPath.EndsWith(".js", StringComparison.Ordinal);
            cpp = reportedPath.EndsWith(".cpp", StringComparison.Ordinal);
            path = builder.ResolvePath(reportedPath);
            // A second SF in one record replaces the file: lines read before it are not kept.
            scratch.Clear();
        }

        private void ReadLine(ReadOnlySpan<char> value)
        {
            // value.Split(',', 3)[0..2]: the line, then the count up to any further comma.
            var comma = value.IndexOf(',');
            if (comma < 0) return;
            var lineText = value[..comma];
            var hitText = value[(comma + 1)..];
            var next = hitText.IndexOf(',');
            if (next >= 0) hitText = hitText[..next];
            if (lineText.IsEmpty || lineText is "undefined" || hitText.IsEmpty || hitText is "undefined") return;
            if (lineText[0] is '0' or 'n' || hitText[0] is '=' or 's') return;
            if (ReportText.ParseInt(lineText) is not { } number || ParseHits(hitText) is not { } hits) return;
            if (number < 1 || number > ReportBuilder.MaxLineNumber) return;
            // Negative counts are clamped to 0, as lcov.py does.
            var line = new ReportLine(LineKind.Line, builder.SessionId, CoverageValue.FromHits(Math.Max(hits, 0)), MissingBranches.Unknown);
            scratch.AppendOwned((int)number, line);
        }

        private void ReadFunction(ReadOnlySpan<char> value)
        {
            var comma = value.IndexOf(',');
            if (comma < 0) return;
            var lineText = value[..comma].ToString();
            var name = value[(comma + 1)..];
            // Mangled C++ symbols mark compiler-generated functions whose branches Codecov drops.
            if (cpp && (name.StartsWith("_Z", StringComparison.Ordinal) || name.StartsWith("_G", StringComparison.Ordinal)))
            {
                (skippedLines ??= []).Add(lineText);
                return;
            }
            (functionLines ??= new(StringComparer.Ordinal)).Add(lineText);
        }

        private void ReadBranch(ReadOnlySpan<char> value)
        {
            // value.Split(',', 4): line, block, branch, then the taken count with anything after it.
            if (!NextField(ref value, out var lineSpan) || !NextField(ref value, out var block) || !NextField(ref value, out var branch)) return;
            var taken = value;
            // TypeScript's module wrapper puts a phantom branch on line 1.
            if (lineSpan is "1" && path!.EndsWith(".ts", StringComparison.Ordinal)) return;
            if (lineSpan is "0" || lineSpan.IsEmpty) return;
            var lineText = lineSpan.ToString();
            branches ??= new(StringComparer.Ordinal);
            if (!branches.TryGetValue(lineText, out var ids)) branches[lineText] = ids = new(StringComparer.Ordinal);
            // "-" means the block was never reached: a missed branch.
            ids[string.Concat(block, ":", branch)] = taken is "-" or "0" ? 0 : 1;
        }

        private static bool NextField(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
        {
            var comma = rest.IndexOf(',');
            if (comma < 0)
            {
                field = default;
                return false;
            }
            field = rest[..comma];
            rest = rest[(comma + 1)..];
            return true;
        }

        /// <summary>lcov.py's <c>parse_int</c>: plain digits, else a decimal (huge counts may use exponents).</summary>
        private static long? ParseHits(ReadOnlySpan<char> text)
        {
            if (ReportText.ParseInt(text) is { } plain) return plain;
            if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
            return number >= long.MaxValue ? long.MaxValue : number <= long.MinValue ? long.MinValue : (long)decimal.Truncate(number);
        }
    }
}
