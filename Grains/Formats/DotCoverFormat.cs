using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// JetBrains dotCover DetailedXML, as Codecov's <c>languages/jetbrainsxml.py</c> reads it: each
/// <c>Statement</c> marks its start line 1 when <c>Covered="True"</c>, else 0.
/// </summary>
public sealed class DotCoverFormat : ICoverageFormat
{
    public string Name => "dotcover";

    /// <summary>Root <c>Root</c> (codecov-semantics §3).</summary>
    public bool Matches(ReportProbe probe) => probe.XmlRootName == "Root";

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader =>
        {
            var files = new Dictionary<string, string?>(StringComparer.Ordinal);
            // Codecov maps every File before any Statement; a statement naming a later File waits for it.
            var waiting = new List<(string FileIndex, long Line, bool Covered)>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "File")
                {
                    var name = XmlReports.Required(reader, Name, "Name").Replace('\\', '/');
                    files[XmlReports.Required(reader, Name, "Index")] = builder.ResolvePath(name);
                }
                else if (reader.LocalName == "Statement")
                {
                    var statement = ReadStatement(reader);
                    if (files.TryGetValue(statement.FileIndex, out var path)) Add(builder, path, statement.Line, statement.Covered);
                    else waiting.Add(statement);
                }
            }
            foreach (var (index, line, covered) in waiting)
                if (files.TryGetValue(index, out var path)) Add(builder, path, line, covered);
        });

    private (string FileIndex, long Line, bool Covered) ReadStatement(XmlReader reader)
    {
        var index = XmlReports.Required(reader, Name, "FileIndex");
        var line = XmlReports.Int(XmlReports.Required(reader, Name, "Line"), Name);
        // Codecov reads the end line and columns too (and fails without them), though only the start line counts.
        foreach (var attribute in new[] { "EndLine", "Column", "EndColumn" })
            XmlReports.Int(XmlReports.Required(reader, Name, attribute), Name);
        return (index, line, XmlReports.Required(reader, Name, "Covered") == "True");
    }

    private static void Add(ReportBuilder builder, string? path, long line, bool covered)
    {
        if (path is not null) builder.AddLine(path, line, CoverageValue.FromHits(covered ? 1 : 0));
    }
}
