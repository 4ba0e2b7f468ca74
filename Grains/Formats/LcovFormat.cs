using System.Runtime.CompilerServices;
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

    // The per-line methods are compiled optimised at once: a report is one pass of millions of
    // lines, most of which would otherwise run as tier-0 code before tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Parse(Stream content, ReportBuilder builder)
    {
        // One scratch file and one branch table serve every record in turn: reused, not reallocated.
        var record = new LcovRecord(builder, new LcovLines(), new LcovBranches());
        using var lines = new TextLineReader(content);
        while (lines.TryReadLine(out var line))
        {
            // Codecov splits the report on "\nend_of_record"; each piece is one record.
            if (line.StartsWith("end_of_record", StringComparison.Ordinal))
            {
                record.Flush();
                continue;
            }
            record.Read(line);
        }
        record.Flush();
    }

    /// <summary>One <c>SF</c>…<c>end_of_record</c> section at a time; duplicate sections of a file merge in the session.</summary>
    private sealed class LcovRecord(ReportBuilder builder, LcovLines scratch, LcovBranches branches)
    {
        private string? path;
        private bool javascript;
        private bool cpp;
        private bool abandoned;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Read(ReadOnlySpan<char> line)
        {
            if (abandoned || line.Length == 0) return;
            var colon = line.IndexOf(':');
            if (colon < 0) return;
            var method = line[..colon];
            var value = line[(colon + 1)..].Trim();
            // The commonest record first; the tests below are disjoint, so their order changes nothing.
            if (method is "DA")
            {
                if (path is null) abandoned = true;
                else ReadLine(value);
                return;
            }
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
            if (method is "FN" && structural) ReadFunction(value);
            else if (method is "BRDA" && structural) ReadBranch(value);
        }

        /// <summary>Ends the record and readies this reader for the next one.</summary>
        public void Flush()
        {
            if (path is not null && !abandoned)
            {
                if (!branches.IsEmpty) branches.WriteTo(scratch);
                scratch.WriteTo(builder, path);
            }
            scratch.Clear();
            branches.Clear();
            (path, javascript, cpp, abandoned) = (null, false, false, false);
        }

        private void StartFile(string reportedPath)
        {
            javascript = reportedPath.EndsWith(".js", StringComparison.Ordinal);
            cpp = reportedPath.EndsWith(".cpp", StringComparison.Ordinal);
            path = builder.ResolvePath(reportedPath);
            // A second SF in one record replaces the file: lines read before it are not kept.
            scratch.Clear();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            if ((ReportText.PlainDigits(lineText) ?? ReportText.ParseInt(lineText)) is not { } number
                || (ReportText.PlainDigits(hitText) ?? ParseHits(hitText)) is not { } hits) return;
            if (number < 1 || number > ReportBuilder.MaxLineNumber) return;
            // Negative counts are clamped to 0, as lcov.py does.
            scratch.AddHits((int)number, Math.Max(hits, 0));
        }

        private void ReadFunction(ReadOnlySpan<char> value)
        {
            var comma = value.IndexOf(',');
            if (comma < 0) return;
            var lineText = value[..comma];
            var name = value[(comma + 1)..];
            // Mangled C++ symbols mark compiler-generated functions whose branches Codecov drops.
            if (cpp && (name.StartsWith("_Z", StringComparison.Ordinal) || name.StartsWith("_G", StringComparison.Ordinal)))
            {
                branches.Skip(lineText);
                return;
            }
            branches.AddFunction(lineText);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadBranch(ReadOnlySpan<char> value)
        {
            // value.Split(',', 4): line, block, branch, then the taken count with anything after it.
            if (!NextField(ref value, out var lineSpan) || !NextField(ref value, out var block) || !NextField(ref value, out var branch)) return;
            var taken = value;
            // TypeScript's module wrapper puts a phantom branch on line 1.
            if (lineSpan is "1" && path!.EndsWith(".ts", StringComparison.Ordinal)) return;
            if (lineSpan is "0" || lineSpan.IsEmpty) return;
            // "-" means the block was never reached: a missed branch.
            branches.Add(lineSpan, block, branch, taken: taken is not ("-" or "0"));
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
