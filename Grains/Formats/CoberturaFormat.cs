using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// Cobertura XML (coverage.py, gcovr, coverlet, istanbul, scoverage's Cobertura flavour), as
/// Codecov's <c>languages/cobertura.py</c> reads it (codecov-semantics §3).
/// </summary>
public sealed class CoberturaFormat : ICoverageFormat
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

    /// <summary>
    /// One pass over the document. A <c>&lt;line&gt;</c> with children stays open until its end tag
    /// while its <c>&lt;condition&gt;</c>s are collected; everything else inside it is ignored.
    /// Element names are compared as atoms of the reader's name table, not as strings.
    /// </summary>
    private sealed class Run
    {
        private readonly string format;
        private readonly ReportBuilder builder;
        private readonly XmlReader reader;
        private readonly string source, coverage, scoverage, @class, line, statement, condition;
        private readonly string number, hits, branch, conditionCoverage, missingBranches;
        private readonly List<string> sources = [];
        private string? file;
        private OpenLine? open;

        public Run(string format, ReportBuilder builder, XmlReader reader)
        {
            this.format = format;
            this.builder = builder;
            this.reader = reader;
            var names = reader.NameTable;
            (source, coverage, scoverage, @class) = (names.Add("source"), names.Add("coverage"), names.Add("scoverage"), names.Add("class"));
            (line, statement, condition) = (names.Add("line"), names.Add("statement"), names.Add("condition"));
            (number, hits, branch) = (names.Add("number"), names.Add("hits"), names.Add("branch"));
            (conditionCoverage, missingBranches) = (names.Add("condition-coverage"), names.Add("missing-branches"));
        }

        public void Parse()
        {
            var more = reader.Read();
            while (more)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    if (open is not null)
                    {
                        if (ReferenceEquals(name, condition)) AddCondition(open);
                    }
                    else if (ReferenceEquals(name, source))
                    {
                        // Reading the text leaves the reader on the following node already.
                        AddSource(reader.ReadElementContentAsString());
                        more = !reader.EOF;
                        continue;
                    }
                    else HandleElement(name);
                }
                else if (open is not null && reader.NodeType == XmlNodeType.EndElement && reader.Depth == open.Depth)
                {
                    FinishLine(open);
                    open = null;
                }
                more = reader.Read();
            }
        }

        private void HandleElement(string name)
        {
            if (ReferenceEquals(name, line))
            {
                if (file is not null) StartLine(file);
            }
            else if (ReferenceEquals(name, @class))
            {
                file = ResolveClassFile(XmlReports.Required(reader, format, "filename"));
            }
            else if (ReferenceEquals(name, statement))
            {
                if (file is not null) ReadStatement(file);
            }
            else if ((ReferenceEquals(name, coverage) || ReferenceEquals(name, scoverage)) && reader.Depth == 0)
            {
                ReportTimestamp.Check(builder, reader.GetAttribute("timestamp"));
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
            foreach (var root in sources)
            {
                var joined = builder.Context.Paths.Resolve(root.TrimEnd('/') + "/" + filename);
                if (joined is not null) return joined;
            }
            return null;
        }

        private void StartLine(string path)
        {
            var attributes = new OpenLine(path, reader.Depth);
            var hasNumber = false;
            while (reader.MoveToNextAttribute())
            {
                var name = reader.Name;
                if (ReferenceEquals(name, number)) { attributes.Number = reader.Value; hasNumber = true; }
                else if (ReferenceEquals(name, hits)) attributes.Hits = reader.Value;
                else if (ReferenceEquals(name, branch)) attributes.Branch = reader.Value;
                else if (ReferenceEquals(name, conditionCoverage)) attributes.ConditionCoverage = reader.Value;
                else if (ReferenceEquals(name, missingBranches)) attributes.MissingText = reader.Value;
            }
            reader.MoveToElement();
            if (!hasNumber) XmlReports.Required(reader, format, "number");
            if (reader.IsEmptyElement) FinishLine(attributes);
            else open = attributes;
        }

        /// <summary>The <c>number:type</c> of every nested condition not fully covered (Groovy-style reports).</summary>
        private void AddCondition(OpenLine target)
        {
            if (reader.GetAttribute("coverage") == "100%") return;
            (target.Conditions ??= []).Add($"{XmlReports.Required(reader, format, "number")}:{XmlReports.Required(reader, format, "type")}");
        }

        private void FinishLine(OpenLine attributes)
        {
            if (attributes.Number == "undefined") return;
            var lineNumber = XmlReports.Int(attributes.Number, format);
            if (lineNumber <= 0) return;
            var (value, kind, missing) = attributes.Evaluate(builder.Settings, format);
            builder.AddLine(attributes.Path, lineNumber, value, kind, missing);
        }

        /// <summary>Scoverage statements nested in a Cobertura class: ignored ones skipped, branch before method.</summary>
        private void ReadStatement(string path)
        {
            if (reader.GetAttribute("ignored") == "true") return;
            var count = XmlReports.IntOrFloat(XmlReports.Required(reader, format, "invocation-count"), format);
            var lineNumber = XmlReports.Int(XmlReports.Required(reader, format, "line"), format);
            var kind = XmlReports.Required(reader, format, "branch") == "true" ? LineKind.Branch
                : string.IsNullOrEmpty(XmlReports.Required(reader, format, "method")) ? LineKind.Line
                : LineKind.Method;
            builder.AddLine(path, lineNumber, CoverageValue.FromHits(count), kind);
        }
    }

    /// <summary>One <c>&lt;line&gt;</c>'s attributes and the rules that turn them into a coverage value.</summary>
    private sealed class OpenLine(string path, int depth)
    {
        // Small ids are shared strings: padded condition ids are "0", "1", … on many lines.
        private static readonly string[] PositionIds =
            Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        public string Path { get; } = path;
        public int Depth { get; } = depth;
        public string Number { get; set; } = "";
        public string Branch { get; set; } = "";
        public string ConditionCoverage { get; set; } = "";
        public string? Hits { get; set; }
        public string? MissingText { get; set; }
        public List<string>? Conditions { get; set; }

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
            return conditions is { Count: > 0 } ? new MissingBranches(conditions) : MissingBranches.Unknown;
        }

        private static void Pad(ref List<string>? conditions, int upTo)
        {
            for (var i = conditions?.Count ?? 0; i < upTo; i++)
                (conditions ??= []).Add(i < PositionIds.Length ? PositionIds[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
