using System.Text.RegularExpressions;
using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// Cobertura XML (coverage.py, gcovr, coverlet, istanbul, scoverage's Cobertura flavour), as
/// Codecov's <c>languages/cobertura.py</c> reads it (codecov-semantics §3).
/// </summary>
public sealed partial class CoberturaFormat : ICoverageFormat
{
    public string Name => "cobertura";

    /// <summary>
    /// Root <c>coverage</c> or <c>scoverage</c>. Clover's <c>coverage</c> (with <c>generated</c>) and
    /// Mono's (with <c>assembly</c>) are tried first by Codecov, so they are left to those formats.
    /// </summary>
    public bool Matches(ReportProbe probe)
    {
        if (XmlHead.Root(probe.TrimmedText) is not { } root) return false;
        if (root.Name == "scoverage") return true;
        if (root.Name != "coverage") return false;
        if (root.Attributes.TryGetValue("generated", out var generated) && generated.Length > 0) return false;
        return !probe.Text.Contains("<assembly", StringComparison.Ordinal);
    }

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader => new Run(Name, builder, reader).Parse());

    /// <summary>"50% (1/2)": Codecov only takes the fraction when the parentheses hold one.</summary>
    [GeneratedRegex(@"\(\d+/\d+\)")]
    private static partial Regex FractionInParentheses();

    private sealed class Run(string format, ReportBuilder builder, XmlReader reader)
    {
        private readonly List<string> sources = [];
        private string? file;

        public void Parse()
        {
            var more = reader.Read();
            while (more)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "source")
                {
                    // Reading the text leaves the reader on the following node already.
                    AddSource(reader.ReadElementContentAsString());
                    more = !reader.EOF;
                    continue;
                }
                if (reader.NodeType == XmlNodeType.Element) HandleElement();
                more = reader.Read();
            }
        }

        private void HandleElement()
        {
            switch (reader.LocalName)
            {
                case "coverage" or "scoverage" when reader.Depth == 0:
                    ReportTimestamp.Check(builder, reader.GetAttribute("timestamp"));
                    break;
                case "class":
                    file = ResolveClassFile(XmlReports.Required(reader, format, "filename"));
                    break;
                case "line" when file is not null:
                    ReadLine(file);
                    break;
                case "statement" when file is not null:
                    ReadStatement(file);
                    break;
            }
        }

        /// <summary>Codecov tries only absolute <c>&lt;source&gt;</c> values as bases (<c>get_sources_to_attempt</c>).</summary>
        private void AddSource(string text)
        {
            if (text.StartsWith('/')) sources.Add(text);
        }

        /// <summary>
        /// The class's file as the path fixer sees it: the name itself, else (when relative) joined
        /// to each source, as Codecov's <c>BasePathAwarePathFixer</c> does with <c>bases_to_try</c>.
        /// </summary>
        private string? ResolveClassFile(string filename)
        {
            if (filename.Length == 0) return null;
            var resolved = builder.ResolvePath(filename);
            if (resolved is not null || filename.StartsWith('/')) return resolved;
            foreach (var source in sources)
            {
                var joined = builder.Context.Paths.Resolve(source.TrimEnd('/') + "/" + filename);
                if (joined is not null) return joined;
            }
            return null;
        }

        private void ReadLine(string path)
        {
            var number = XmlReports.Required(reader, format, "number");
            var branch = reader.GetAttribute("branch") ?? "";
            var conditionCoverage = reader.GetAttribute("condition-coverage") ?? "";
            var hits = reader.GetAttribute("hits");
            var missingText = reader.GetAttribute("missing-branches");
            var conditions = ReadConditions();
            if (number == "undefined") return;
            var lineNumber = XmlReports.Int(number, format);
            if (lineNumber <= 0) return;

            var line = new CoberturaLine(branch, conditionCoverage, hits, missingText, conditions);
            var (coverage, kind, missing) = line.Evaluate(builder.Settings, format);
            builder.AddLine(path, lineNumber, coverage, kind, missing);
        }

        /// <summary>The <c>number:type</c> of every nested condition not fully covered (Groovy-style reports).</summary>
        private List<string> ReadConditions()
        {
            var conditions = new List<string>();
            if (reader.IsEmptyElement) return conditions;
            using var subtree = reader.ReadSubtree();
            while (subtree.Read())
            {
                if (subtree.NodeType != XmlNodeType.Element || subtree.LocalName != "condition") continue;
                if (subtree.GetAttribute("coverage") == "100%") continue;
                conditions.Add($"{XmlReports.Required(subtree, format, "number")}:{XmlReports.Required(subtree, format, "type")}");
            }
            return conditions;
        }

        /// <summary>Scoverage statements nested in a Cobertura class: ignored ones skipped, branch before method.</summary>
        private void ReadStatement(string path)
        {
            if (reader.GetAttribute("ignored") == "true") return;
            var hits = XmlReports.IntOrFloat(XmlReports.Required(reader, format, "invocation-count"), format);
            var lineNumber = XmlReports.Int(XmlReports.Required(reader, format, "line"), format);
            var kind = XmlReports.Required(reader, format, "branch") == "true" ? LineKind.Branch
                : string.IsNullOrEmpty(XmlReports.Required(reader, format, "method")) ? LineKind.Line
                : LineKind.Method;
            builder.AddLine(path, lineNumber, CoverageValue.FromHits(hits), kind);
        }
    }

    /// <summary>One <c>&lt;line&gt;</c>'s attributes and the rules that turn them into a coverage value.</summary>
    private sealed record CoberturaLine(
        string Branch, string ConditionCoverage, string? Hits, string? MissingText, List<string> Conditions)
    {
        public (CoverageValue Coverage, LineKind Kind, MissingBranches Missing) Evaluate(ParserSettings settings, string format)
        {
            CoverageValue coverage;
            var kind = LineKind.Line;
            if (Branch.Equals("true", StringComparison.OrdinalIgnoreCase) && FractionInParentheses().IsMatch(ConditionCoverage))
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
            var inner = space < 0 ? "" : conditionCoverage[(space + 1)..];
            inner = inner.Length >= 2 ? inner[1..^1] : "";
            var slash = inner.IndexOf('/');
            if (slash < 0) throw ReportRejectedException.Malformed(format, $"condition-coverage '{conditionCoverage}' has no fraction.");
            return XmlReports.Branches(XmlReports.Int(inner[..slash], format), XmlReports.Int(inner[(slash + 1)..], format), format);
        }

        private MissingBranches MissingBranchesFor(CoverageValue coverage, ParserSettings settings)
        {
            if (!string.IsNullOrEmpty(MissingText))
            {
                var ids = MissingText.Split(',');
                // coverage.py writes "exit,exit" for a "return [...]" that was never left: Codecov reads loop + exit.
                if (ids.Length > 1 && ids.All(id => id == "exit")) ids = ["loop", "exit"];
                return new MissingBranches(ids);
            }

            var conditions = new List<string>(Conditions);
            if (coverage.Kind == CoverageKind.Branches)
            {
                if (settings.CoberturaHandleMissingConditions)
                {
                    // Pad with positional ids up to the number of uncovered conditions.
                    if (conditions.Count < coverage.Total)
                    {
                        var uncovered = coverage.Total - coverage.Covered;
                        for (var i = conditions.Count; i < uncovered; i++) conditions.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                else if (coverage.Covered == 0 && conditions.Count < coverage.Total)
                {
                    // Codecov's earlier rule: a fully missed fraction lists every condition as missing.
                    for (var i = conditions.Count; i < coverage.Total; i++) conditions.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            return conditions.Count > 0 ? new MissingBranches(conditions) : MissingBranches.Unknown;
        }
    }
}
