using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>Clover XML (istanbul/nyc, PHPUnit, OpenClover), as Codecov's <c>languages/clover.py</c> reads it.</summary>
public sealed class CloverFormat : ICoverageFormat
{
    public string Name => "clover";

    /// <summary>Root <c>coverage</c> with a non-empty <c>generated</c> attribute (codecov-semantics §3).</summary>
    public bool Matches(ReportProbe probe) =>
        XmlHead.Root(probe.TrimmedText) is { Name: "coverage" } root
        && root.Attributes.TryGetValue("generated", out var generated) && generated.Length > 0;

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.Depth == 0 && reader.LocalName == "coverage") CheckAge(builder, reader.GetAttribute("generated"));
                else if (reader.LocalName == "file") ReadFile(reader, builder);
            }
        });

    /// <summary>Codecov swaps a dashed <c>DD-MM-YYYY</c> stamp to <c>MM-DD-YYYY</c> before reading it.</summary>
    private static void CheckAge(ReportBuilder builder, string? generated)
    {
        if (generated is not null && generated.Contains('-'))
        {
            var parts = generated.Split('-');
            if (parts.Length >= 3) generated = $"{parts[1]}-{parts[0]}-{parts[2]}";
        }
        ReportTimestamp.Check(builder, generated);
    }

    private void ReadFile(XmlReader reader, ReportBuilder builder)
    {
        var filename = NonEmpty(reader.GetAttribute("path")) ?? XmlReports.Required(reader, Name, "name");
        var file = CloverFile.Read(reader, Name);
        // Codecov skips templated names, PHP vendor code and files without a direct <line> child.
        if (filename.Contains('{')
            || (("/" + filename).Contains("/vendor/", StringComparison.Ordinal) && filename.EndsWith(".php", StringComparison.Ordinal))
            || !file.HasDirectLine)
        {
            return;
        }
        var path = builder.ResolvePath(filename);
        if (path is null) return;

        // PHP reports may list lines past the end of the source: the first metrics "loc" bounds them.
        var endOfFile = filename.EndsWith(".php", StringComparison.Ordinal) ? file.LinesOfCode : null;
        foreach (var line in file.Lines)
        {
            if (line.Number < 1 || (endOfFile is > 0 && line.Number > endOfFile)) continue;
            builder.AddLine(path, line.Number, line.Coverage, line.Kind, complexity: line.Complexity);
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private sealed record CloverLine(long Number, CoverageValue Coverage, LineKind Kind, Complexity? Complexity);

    /// <summary>One <c>&lt;file&gt;</c> element's lines and metrics, read from its subtree.</summary>
    private sealed class CloverFile
    {
        public List<CloverLine> Lines { get; } = [];
        public bool HasDirectLine { get; private set; }
        public long? LinesOfCode { get; private set; }

        public static CloverFile Read(XmlReader reader, string format)
        {
            var file = new CloverFile();
            if (reader.IsEmptyElement) return file;
            var depth = reader.Depth;
            using var subtree = reader.ReadSubtree();
            subtree.Read();
            while (subtree.Read())
            {
                if (subtree.NodeType != XmlNodeType.Element) continue;
                if (subtree.LocalName == "line")
                {
                    if (reader.Depth == depth + 1) file.HasDirectLine = true;
                    file.Lines.Add(ReadLine(subtree, format));
                }
                else if (subtree.LocalName == "metrics" && file.LinesOfCode is null
                    && long.TryParse(subtree.GetAttribute("loc"), out var loc))
                {
                    file.LinesOfCode = loc;
                }
            }
            return file;
        }

        /// <summary>
        /// <c>cond</c> lines become 0/2, 1/2 or 2/2 from the true/false counts (istanbul's Clover
        /// writer); <c>method</c> lines carry their complexity; everything else is a hit count.
        /// </summary>
        private static CloverLine ReadLine(XmlReader line, string format)
        {
            var number = XmlReports.Int(XmlReports.Required(line, format, "num"), format);
            switch (XmlReports.Required(line, format, "type"))
            {
                case "cond":
                    var t = XmlReports.Int(XmlReports.Required(line, format, "truecount"), format);
                    var f = XmlReports.Int(XmlReports.Required(line, format, "falsecount"), format);
                    var covered = t == 0 && f == 0 ? 0 : t == 0 || f == 0 ? 1 : 2;
                    return new(number, CoverageValue.FromBranches(covered, 2), LineKind.Branch, null);
                case "method":
                    var complexity = (int)XmlReports.Int(NonEmpty(line.GetAttribute("complexity")) ?? "0", format);
                    return new(number, Count(line, format), LineKind.Method, new Complexity(complexity, null));
                default:
                    return new(number, Count(line, format), LineKind.Line, null);
            }
        }

        private static CoverageValue Count(XmlReader line, string format) =>
            CoverageValue.FromHits(XmlReports.Int(NonEmpty(line.GetAttribute("count")) ?? "0", format));
    }
}
