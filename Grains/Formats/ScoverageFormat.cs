using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// Scoverage's own XML (root <c>statements</c>, one <c>&lt;statement&gt;</c> with child elements
/// each), as Codecov's <c>languages/scoverage.py</c> reads it: a branch statement becomes
/// <c>"count/2"</c>, any other its count capped at 99999; ignored statements are skipped.
/// </summary>
public sealed class ScoverageFormat : ICoverageFormat
{
    /// <summary>Codecov's <c>maxint</c>: a count written with more than five digits is read as 99999.</summary>
    private const long MaxCount = 99999;

    public string Name => "scoverage";

    public bool Matches(ReportProbe probe) => probe.XmlRootName == "statements";

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "statement" && !reader.IsEmptyElement)
                    AddStatement(builder, ReadChildren(reader));
            }
        });

    private void AddStatement(ReportBuilder builder, Dictionary<string, string> fields)
    {
        var path = builder.ResolvePath(fields.GetValueOrDefault("source", ""));
        if (path is null) return;
        var line = XmlReports.Int(fields.GetValueOrDefault("line", ""), Name);
        var count = fields.GetValueOrDefault("count", "");
        if (fields.GetValueOrDefault("ignored") == "true") return;
        if (fields.GetValueOrDefault("branch") == "true")
        {
            builder.AddLine(path, line, XmlReports.Branches(XmlReports.Int(count, Name), 2, Name), LineKind.Branch);
            return;
        }
        var hits = count.Trim().Length > 5 ? MaxCount : XmlReports.Int(count, Name);
        builder.AddLine(path, line, CoverageValue.FromHits(hits));
    }

    /// <summary>The text of each direct child element; the first of a name wins, as <c>find()</c> does.</summary>
    private static Dictionary<string, string> ReadChildren(XmlReader reader)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using var subtree = reader.ReadSubtree();
        subtree.Read();
        var more = subtree.Read();
        while (more)
        {
            if (subtree.NodeType == XmlNodeType.Element && subtree.Depth == 1)
            {
                var name = subtree.LocalName;
                // Reading the text leaves the reader on the following node already.
                fields.TryAdd(name, subtree.ReadElementContentAsString());
                more = !subtree.EOF;
                continue;
            }
            more = subtree.Read();
        }
        return fields;
    }
}
