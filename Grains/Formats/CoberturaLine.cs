using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>One <c>&lt;line&gt;</c>'s attributes and the rules that turn them into a coverage value (shared by both Cobertura readers).</summary>
internal sealed class CoberturaLine(string path, int depth)
{
    // Small ids are shared strings: padded condition ids are "0", "1", … on many lines.
    private static readonly string[] PositionIds =
        Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public string Path { get; private set; } = path;
    public int Depth { get; private set; } = depth;
    public string Number { get; set; } = "";
    public string Branch { get; set; } = "";
    public string ConditionCoverage { get; set; } = "";
    public string? Hits { get; set; }
    public string? MissingText { get; set; }
    public List<string>? Conditions { get; set; }

    /// <summary>Readies this object for the next <c>&lt;line&gt;</c> (the fast reader keeps one, as it reads one line at a time).</summary>
    public void Reset(string path, int depth)
    {
        (Path, Depth) = (path, depth);
        (Number, Branch, ConditionCoverage, Hits, MissingText) = ("", "", "", null, null);
        Conditions?.Clear();
    }

    /// <summary>Adds the line to the report, unless its number is Codecov's "undefined" or not positive.</summary>
    public void AddTo(ReportBuilder builder, string format)
    {
        if (Number == "undefined") return;
        var lineNumber = XmlReports.Int(Number, format);
        if (lineNumber <= 0) return;
        var (value, kind, missing) = Evaluate(builder.Settings, format);
        builder.AddLine(Path, lineNumber, value, kind, missing);
    }

    public (CoverageValue Coverage, LineKind Kind, MissingBranches Missing) Evaluate(ParserSettings settings, string format)
    {
        CoverageValue coverage;
        var kind = LineKind.Line;
        if (Branch.Equals("true", StringComparison.OrdinalIgnoreCase) && HasFractionInParentheses(ConditionCoverage))
        {
            coverage = ParseFraction(ConditionCoverage, format);
            kind = LineKind.Branch;
        }
        else
        {
            coverage = CoverageValue.FromHits(XmlReports.IntOrFloat(Hits ?? "", format));
        }

        var missing = MissingBranchesFor(coverage, settings);
        // partials_as_hits: any fraction not starting with "0" becomes a plain hit of 1.
        if (coverage.Kind == CoverageKind.Branches && coverage.Covered != 0 && settings.CoberturaPartialsAsHits)
        {
            return (CoverageValue.FromHits(1), LineKind.Line, MissingBranches.Unknown);
        }
        return (coverage, kind, missing);
    }

    /// <summary>Codecov takes what follows the first space, without its parentheses: "50% (1/2)" → "1/2".</summary>
    private static CoverageValue ParseFraction(string conditionCoverage, string format)
    {
        var space = conditionCoverage.IndexOf(' ');
        var inner = space < 0 ? [] : conditionCoverage.AsSpan(space + 1);
        inner = inner.Length >= 2 ? inner[1..^1] : [];
        var slash = inner.IndexOf('/');
        if (slash < 0) throw ReportRejectedException.Malformed(format, $"condition-coverage '{conditionCoverage}' has no fraction.");
        return XmlReports.Branches(Int(inner[..slash], format), Int(inner[(slash + 1)..], format), format);
    }

    /// <summary><see cref="XmlReports.Int"/> over a slice: a string is made only for the error.</summary>
    private static long Int(ReadOnlySpan<char> text, string format) =>
        long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : XmlReports.Int(text.ToString(), format);

    private MissingBranches MissingBranchesFor(CoverageValue coverage, ParserSettings settings)
    {
        if (!string.IsNullOrEmpty(MissingText))
        {
            var ids = MissingText.Split(',');
            // coverage.py writes "exit,exit" for a "return [...]" that was never left: Codecov reads loop + exit.
            if (ids.Length > 1 && ids.All(id => id == "exit")) ids = ["loop", "exit"];
            return new MissingBranches(ids);
        }

        var conditions = Conditions;
        if (coverage.Kind == CoverageKind.Branches)
        {
            var known = conditions?.Count ?? 0;
            if (settings.CoberturaHandleMissingConditions)
            {
                // Pad with positional ids up to the number of uncovered conditions.
                if (known < coverage.Total) Pad(ref conditions, coverage.Total - coverage.Covered);
            }
            else if (coverage.Covered == 0 && known < coverage.Total)
            {
                // Codecov's earlier rule: a fully missed fraction lists every condition as missing.
                Pad(ref conditions, coverage.Total);
            }
        }
        // A copy: the list belongs to this line object, which may be reused for the next line.
        return conditions is { Count: > 0 } ? new MissingBranches(conditions.ToArray()) : MissingBranches.Unknown;
    }

    private static void Pad(ref List<string>? conditions, int upTo)
    {
        for (var i = conditions?.Count ?? 0; i < upTo; i++)
            (conditions ??= []).Add(i < PositionIds.Length ? PositionIds[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>"50% (1/2)": Codecov only takes the fraction when the parentheses hold one (<c>\(\d+/\d+\)</c>).</summary>
    private static bool HasFractionInParentheses(string text)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var i = SkipDigits(text, open + 1);
            if (i == open + 1 || i >= text.Length || text[i] != '/') continue;
            var j = SkipDigits(text, i + 1);
            if (j > i + 1 && j < text.Length && text[j] == ')') return true;
        }
        return false;
    }

    /// <summary>Past a run of digits as the regex <c>\d</c> reads them (any Unicode decimal digit).</summary>
    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsDigit(text[i])) i++;
        return i;
    }
}

/// <summary>How a Cobertura <c>&lt;class filename&gt;</c> becomes a repository path (shared by both Cobertura readers).</summary>
internal static class CoberturaPaths
{
    /// <summary>Codecov tries only absolute <c>&lt;source&gt;</c> values as bases (<c>get_sources_to_attempt</c>).</summary>
    public static void AddSource(List<string> sources, string text)
    {
        if (text.StartsWith('/')) sources.Add(text);
    }

    /// <summary>
    /// The class's file as the path fixer sees it: the name itself, else (when relative) joined
    /// to each source, as Codecov's <c>BasePathAwarePathFixer</c> does with <c>bases_to_try</c>.
    /// </summary>
    public static string? ResolveClassFile(ReportBuilder builder, List<string> sources, string filename)
    {
        if (filename.Length == 0) return null;
        var resolved = builder.ResolvePath(filename);
        if (resolved is not null || filename.StartsWith('/')) return resolved;
        foreach (var root in sources)
        {
            var joined = builder.Context.Paths.Resolve(root.TrimEnd('/') + "/" + filename);
            if (joined is not null) return joined;
        }
        return null;
    }
}
