using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// JaCoCo XML, as Codecov's <c>languages/jacoco.py</c> reads it: a line with branches becomes
/// <c>"cb/(mb+cb)"</c>, otherwise its covered instructions; a line where a method starts is a
/// method line carrying that method's (covered, total) complexity.
/// </summary>
public sealed class JacocoFormat : ICoverageFormat
{
    public string Name => "jacoco";

    /// <summary>Root <c>report</c> (codecov-semantics §3). JaCoCo writes a DOCTYPE, which is ignored, never fetched.</summary>
    public bool Matches(ReportProbe probe) => probe.XmlRootName == "report";

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader =>
        {
            var project = "";
            var timestampChecked = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "report" when reader.Depth == 0:
                        // A project name with a space is not a path segment, so Codecov ignores it.
                        var name = reader.GetAttribute("name") ?? "";
                        project = name.Contains(' ') ? "" : name.Trim('/');
                        break;
                    case "sessioninfo" when !timestampChecked:
                        // Codecov checks the first sessioninfo's start only.
                        timestampChecked = true;
                        ReportTimestamp.Check(builder, reader.GetAttribute("start"));
                        break;
                    case "package":
                        ReadPackage(reader, builder, project);
                        break;
                }
            }
        });

    private void ReadPackage(XmlReader reader, ReportBuilder builder, string project)
    {
        var package = XmlReports.Required(reader, Name, "name");
        var complexities = new Dictionary<string, Dictionary<long, Complexity>>(StringComparer.Ordinal);
        var sources = new List<(string Name, List<JacocoLine> Lines)>();
        if (!reader.IsEmptyElement)
        {
            using var subtree = reader.ReadSubtree();
            while (subtree.Read())
            {
                if (subtree.NodeType != XmlNodeType.Element) continue;
                if (subtree.LocalName == "class") ReadClass(subtree, complexities);
                else if (subtree.LocalName == "sourcefile")
                    sources.Add(($"{package}/{XmlReports.Required(subtree, Name, "name")}", ReadLines(subtree)));
            }
        }
        foreach (var (sourceName, lines) in sources) AddSource(builder, project, sourceName, lines, complexities);
    }

    /// <summary>Method complexity by start line, for top-level classes only (no <c>$</c> in the name).</summary>
    private void ReadClass(XmlReader reader, Dictionary<string, Dictionary<long, Complexity>> complexities)
    {
        var className = XmlReports.Required(reader, Name, "name");
        if (className.Contains('$') || reader.IsEmptyElement) return;
        if (!complexities.TryGetValue(className, out var byLine)) complexities[className] = byLine = [];
        using var subtree = reader.ReadSubtree();
        long methodLine = 0;
        var counted = false;
        while (subtree.Read())
        {
            if (subtree.NodeType != XmlNodeType.Element) continue;
            if (subtree.LocalName == "method")
            {
                methodLine = XmlReports.Int(subtree.GetAttribute("line") ?? "0", Name);
                counted = false;
            }
            else if (subtree.LocalName == "counter" && subtree.Depth > 1 && methodLine > 0 && !counted
                && subtree.GetAttribute("type") == "COMPLEXITY")
            {
                var missed = XmlReports.Int(XmlReports.Required(subtree, Name, "missed"), Name);
                var covered = XmlReports.Int(XmlReports.Required(subtree, Name, "covered"), Name);
                byLine[methodLine] = new Complexity((int)covered, (int)(missed + covered));
                counted = true;
            }
            else if (subtree.LocalName == "counter" && subtree.Depth == 1)
            {
                methodLine = 0; // class-level counters follow the methods
            }
        }
    }

    private List<JacocoLine> ReadLines(XmlReader reader)
    {
        var lines = new List<JacocoLine>();
        if (reader.IsEmptyElement) return lines;
        using var subtree = reader.ReadSubtree();
        while (subtree.Read())
        {
            if (subtree.NodeType != XmlNodeType.Element || subtree.LocalName != "line") continue;
            lines.Add(new JacocoLine(
                XmlReports.Int(subtree.GetAttribute("nr") ?? "0", Name),
                XmlReports.Required(subtree, Name, "mb"),
                XmlReports.Required(subtree, Name, "cb"),
                XmlReports.Required(subtree, Name, "ci")));
        }
        return lines;
    }

    private void AddSource(ReportBuilder builder, string project, string sourceName, List<JacocoLine> lines,
        Dictionary<string, Dictionary<long, Complexity>> complexities)
    {
        var path = ResolveSource(builder, project, sourceName);
        if (path is null) return;
        var dot = sourceName.IndexOf('.');
        complexities.TryGetValue(dot < 0 ? sourceName : sourceName[..dot], out var methodComplexity);
        foreach (var line in lines)
        {
            if (line.Number <= 0) continue;
            var (coverage, kind) = line.Evaluate(builder.Settings.JacocoPartialsAsHits, Name);
            Complexity? complexity = null;
            if (methodComplexity is not null && methodComplexity.TryGetValue(line.Number, out var c))
            {
                complexity = c;
                kind = LineKind.Method;
            }
            builder.AddLine(path, line.Number, coverage, kind, complexity: complexity);
        }
    }

    /// <summary>Codecov tries <c>project/package/File</c>, then <c>project/src/main/java/package/File</c>, then <c>package/File</c>.</summary>
    private static string? ResolveSource(ReportBuilder builder, string project, string sourceName)
    {
        if (project.Length > 0)
        {
            foreach (var candidate in new[] { $"{project}/{sourceName}", $"{project}/src/main/java/{sourceName}" })
                if (builder.Context.Paths.Resolve(candidate) is { } path) return path;
        }
        return builder.ResolvePath(sourceName);
    }

    private sealed record JacocoLine(long Number, string MissedBranches, string CoveredBranches, string CoveredInstructions)
    {
        public (CoverageValue Coverage, LineKind Kind) Evaluate(bool partialsAsHits, string format)
        {
            CoverageValue coverage;
            if (MissedBranches != "0")
            {
                var cb = XmlReports.Int(CoveredBranches, format);
                coverage = XmlReports.Branches(cb, XmlReports.Int(MissedBranches, format) + cb, format);
            }
            else if (CoveredBranches != "0")
            {
                var cb = XmlReports.Int(CoveredBranches, format);
                coverage = XmlReports.Branches(cb, cb, format);
            }
            else
            {
                return (CoverageValue.FromHits(XmlReports.Int(CoveredInstructions, format)), LineKind.Line);
            }
            // parsers.jacoco.partials_as_hits: a partial branch counts as one hit, still typed as a branch.
            if (partialsAsHits && coverage.Type == LineType.Partial) coverage = CoverageValue.FromHits(1);
            return (coverage, LineKind.Branch);
        }
    }
}
