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

    /// <summary>
    /// Plain documents (the usual machine-written shape) go through the byte scanner; anything it
    /// does not vouch for is read again from the start by the XmlReader reader, which gives the
    /// same report (both share <see cref="CoberturaLine"/> and <see cref="CoberturaPaths"/>).
    /// </summary>
    public void Parse(Stream content, ReportBuilder builder)
    {
        if (content.CanSeek && TryParseFast(content, builder)) return;
        ParseWithXmlReader(content, builder);
    }

    /// <summary>The byte-scanner reader; false (with the builder and stream back at their start) when XmlReader must read the document.</summary>
    internal bool TryParseFast(Stream content, ReportBuilder builder)
    {
        var start = content.Position;
        try
        {
            if (new CoberturaFastRun(Name, builder, new Utf8XmlScanner(content)).Parse()) return true;
        }
        catch (ReportRejectedException)
        {
            // A rejection is XmlReader's to give: it may find the document malformed before that point.
        }
        builder.Reset();
        content.Position = start;
        return false;
    }

    internal void ParseWithXmlReader(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader => new Run(Name, builder, reader).Parse());

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
        private CoberturaLine? open;

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
                        CoberturaPaths.AddSource(sources, reader.ReadElementContentAsString());
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
                file = CoberturaPaths.ResolveClassFile(builder, sources, XmlReports.Required(reader, format, "filename"));
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

        private void StartLine(string path)
        {
            var attributes = new CoberturaLine(path, reader.Depth);
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
        private void AddCondition(CoberturaLine target)
        {
            if (reader.GetAttribute("coverage") == "100%") return;
            (target.Conditions ??= []).Add($"{XmlReports.Required(reader, format, "number")}:{XmlReports.Required(reader, format, "type")}");
        }

        private void FinishLine(CoberturaLine attributes) => attributes.AddTo(builder, format);

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
}
