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
        var record = new LcovRecord(builder);
        foreach (var line in ReportText.Lines(content))
        {
            // Codecov splits the report on "\nend_of_record"; each piece is one record.
            if (line.StartsWith("end_of_record", StringComparison.Ordinal))
            {
                record.Flush();
                record = new LcovRecord(builder);
                continue;
            }
            record.Read(line);
        }
        record.Flush();
    }

    /// <summary>One <c>SF</c>…<c>end_of_record</c> section; duplicate sections of a file merge in the session.</summary>
    private sealed class LcovRecord(ReportBuilder builder)
    {
        // Keys are the line numbers as written, in first-seen order, as lcov.py's dicts keep them.
        private readonly Dictionary<string, Dictionary<string, int>> branches = new(StringComparer.Ordinal);
        private readonly HashSet<string> functionLines = new(StringComparer.Ordinal);
        private readonly List<string> skippedLines = [];
        private FileReport? file;
        private bool javascript;
        private bool cpp;
        private bool abandoned;

        public void Read(string line)
        {
            if (abandoned || line.Length == 0) return;
            var colon = line.IndexOf(':');
            if (colon < 0) return;
            var method = line[..colon];
            var value = line[(colon + 1)..].Trim();
            switch (method)
            {
                case "TN" or "LF" or "LH" or "FNF" or "FNH" or "BRF" or "BRH" or "FNDA":
                    return;
                case "SF":
                    StartFile(value);
                    return;
            }
            // lcov.py gives up on the whole record when data comes before a usable SF.
            if (file is null) { abandoned = true; return; }
            // Codecov ignores BRDA/FN for .js files (codecov-upload-protocol §10.9); the brief lets
            // parsers.javascript.enable_partials turn them back on.
            var structural = !javascript || builder.Settings.JavascriptEnablePartials;
            switch (method)
            {
                case "DA": ReadLine(value); break;
                case "FN" when structural: ReadFunction(value); break;
                case "BRDA" when structural: ReadBranch(value); break;
            }
        }

        public void Flush()
        {
            if (file is null || abandoned) return;
            foreach (var skipped in skippedLines) branches.Remove(skipped);
            foreach (var (lineText, taken) in branches)
            {
                if (ReportText.ParseInt(lineText) is not { } number || number < 1 || number > ReportBuilder.MaxLineNumber) continue;
                var covered = taken.Values.Sum();
                var missing = taken.Where(b => b.Value == 0).Select(b => b.Key).ToArray();
                var kind = functionLines.Contains(lineText) ? LineKind.Method : LineKind.Branch;
                var session = new LineSession(builder.SessionId, CoverageValue.FromBranches(covered, taken.Count),
                    missing.Length == 0 ? MissingBranches.Unknown : new MissingBranches(missing));
                // lcov.py overwrites the DA value rather than merging with it.
                file.Set((int)number, new ReportLine(kind, session));
            }
            foreach (var (number, line) in file.Lines)
            {
                var session = line.Sessions[0];
                builder.AddLine(file.Path, number, session.Coverage, line.Kind, session.Missing);
            }
        }

        private void StartFile(string reportedPath)
        {
            javascript = reportedPath.EndsWith(".js", StringComparison.Ordinal);
            cpp = reportedPath.EndsWith(".cpp", StringComparison.Ordinal);
            var path = builder.ResolvePath(reportedPath);
            file = path is null ? null : new FileReport(path);
        }

        private void ReadLine(string value)
        {
            var parts = value.Split(',', 3);
            if (parts.Length < 2) return;
            var (lineText, hitText) = (parts[0], parts[1]);
            if (lineText is "" or "undefined" || hitText is "" or "undefined") return;
            if (lineText[0] is '0' or 'n' || hitText[0] is '=' or 's') return;
            if (ReportText.ParseInt(lineText) is not { } number || ParseHits(hitText) is not { } hits) return;
            if (number < 1 || number > ReportBuilder.MaxLineNumber) return;
            // Negative counts are clamped to 0, as lcov.py does.
            var line = new ReportLine(LineKind.Line, new LineSession(builder.SessionId, CoverageValue.FromHits(Math.Max(hits, 0)), MissingBranches.Unknown));
            file!.Append((int)number, line);
        }

        private void ReadFunction(string value)
        {
            var parts = value.Split(',', 2);
            if (parts.Length < 2) return;
            // Mangled C++ symbols mark compiler-generated functions whose branches Codecov drops.
            if (cpp && (parts[1].StartsWith("_Z", StringComparison.Ordinal) || parts[1].StartsWith("_G", StringComparison.Ordinal)))
            {
                skippedLines.Add(parts[0]);
                return;
            }
            functionLines.Add(parts[0]);
        }

        private void ReadBranch(string value)
        {
            var parts = value.Split(',', 4);
            if (parts.Length < 4) return;
            var lineText = parts[0];
            // TypeScript's module wrapper puts a phantom branch on line 1.
            if (lineText == "1" && file!.Path.EndsWith(".ts", StringComparison.Ordinal)) return;
            if (lineText is "0" or "") return;
            if (!branches.TryGetValue(lineText, out var taken)) branches[lineText] = taken = new(StringComparer.Ordinal);
            // "-" means the block was never reached: a missed branch.
            taken[$"{parts[1]}:{parts[2]}"] = parts[3] is "-" or "0" ? 0 : 1;
        }

        /// <summary>lcov.py's <c>parse_int</c>: plain digits, else a decimal (huge counts may use exponents).</summary>
        private static long? ParseHits(string text)
        {
            if (ReportText.ParseInt(text) is { } plain) return plain;
            if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return null;
            return number >= long.MaxValue ? long.MaxValue : number <= long.MinValue ? long.MinValue : (long)decimal.Truncate(number);
        }
    }
}
