using System.Xml;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// OpenCover XML (OpenCover, coverlet), as Codecov's <c>languages/csharp.py</c> reads it: each
/// sequence point covers every line from <c>sl</c> to <c>el</c>; a point with branches becomes
/// <c>"bev/bec"</c>; unvisited branch points name the line's missing branches.
/// </summary>
public sealed class OpenCoverFormat : ICoverageFormat
{
    public string Name => "opencover";

    /// <summary>Root <c>CoverageSession</c> (codecov-semantics §3, Codecov's CSharp processor).</summary>
    public bool Matches(ReportProbe probe) => probe.XmlRootName == "CoverageSession";

    public void Parse(Stream content, ReportBuilder builder) =>
        XmlReports.Read(Name, content, reader =>
        {
            var files = new Dictionary<string, string?>(StringComparer.Ordinal);
            // Codecov maps every File before any Method; a method naming a later File waits for it.
            var waiting = new List<(string Uid, OpenCoverMethod Method)>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "File")
                {
                    var fullPath = XmlReports.Required(reader, Name, "fullPath").Replace('\\', '/');
                    files[XmlReports.Required(reader, Name, "uid")] = builder.ResolvePath(fullPath);
                }
                else if (reader.LocalName == "Method" && OpenCoverMethod.Read(reader, Name) is { } method)
                {
                    if (files.TryGetValue(method.FileUid, out var path)) Add(builder, path, method);
                    else waiting.Add((method.FileUid, method));
                }
            }
            foreach (var (uid, method) in waiting)
                if (files.TryGetValue(uid, out var path)) Add(builder, path, method);
        });

    private static void Add(ReportBuilder builder, string? path, OpenCoverMethod method)
    {
        if (path is null) return;
        foreach (var point in method.Points)
        {
            var last = point.EndLine > point.StartLine ? point.EndLine : point.StartLine;
            for (var line = point.StartLine; line <= last; line++)
            {
                method.MissingBranches.TryGetValue(line, out var missing);
                builder.AddLine(path, line, point.Coverage, point.Kind,
                    missing is null ? MissingBranches.Unknown : new MissingBranches(missing));
            }
        }
    }

    private sealed record SequencePoint(long StartLine, long EndLine, CoverageValue Coverage, LineKind Kind);

    /// <summary>One <c>&lt;Method&gt;</c>: its file reference, sequence points and unvisited branch points.</summary>
    private sealed class OpenCoverMethod
    {
        public string FileUid { get; private set; } = "";
        public List<SequencePoint> Points { get; } = [];
        public Dictionary<long, List<string>> MissingBranches { get; } = [];

        /// <summary>The method, or null when it has no direct <c>FileRef</c> (Codecov skips it).</summary>
        public static OpenCoverMethod? Read(XmlReader reader, string format)
        {
            if (reader.IsEmptyElement) return null;
            var method = new OpenCoverMethod();
            string? fileUid = null;
            var depth = reader.Depth;
            using var subtree = reader.ReadSubtree();
            subtree.Read();
            while (subtree.Read())
            {
                if (subtree.NodeType != XmlNodeType.Element) continue;
                switch (subtree.LocalName)
                {
                    case "FileRef" when fileUid is null && reader.Depth == depth + 1:
                        fileUid = XmlReports.Required(subtree, format, "uid");
                        break;
                    case "SequencePoint":
                        method.AddSequencePoint(subtree, format);
                        break;
                    case "BranchPoint":
                        method.AddBranchPoint(subtree, format);
                        break;
                }
            }
            if (fileUid is null) return null;
            method.FileUid = fileUid;
            return method;
        }

        private void AddSequencePoint(XmlReader point, string format)
        {
            var sl = point.GetAttribute("sl");
            var el = point.GetAttribute("el");
            if (string.IsNullOrEmpty(sl) || string.IsNullOrEmpty(el)) return;
            var visits = XmlReports.Int(XmlReports.Required(point, format, "vc"), format);
            var bec = point.GetAttribute("bec");
            CoverageValue coverage;
            var kind = LineKind.Line;
            if (bec is not null && bec != "0")
            {
                var bev = XmlReports.Int(XmlReports.Required(point, format, "bev"), format);
                coverage = XmlReports.Branches(bev, XmlReports.Int(bec, format), format);
                kind = LineKind.Branch;
            }
            else
            {
                // With "bec" present, a visit count that is not positive is written as 0 (csharp.py).
                coverage = CoverageValue.FromHits(bec is null || visits > 0 ? visits : 0);
            }
            Points.Add(new SequencePoint(XmlReports.Int(sl, format), XmlReports.Int(el, format), coverage, kind));
        }

        /// <summary>An unvisited branch point names its line's missing branch as "offset" or "offset:offsetend".</summary>
        private void AddBranchPoint(XmlReader point, string format)
        {
            if (XmlReports.Required(point, format, "vc") != "0") return;
            var sl = point.GetAttribute("sl");
            if (sl is null) return;
            var offset = XmlReports.Required(point, format, "offset");
            var offsetEnd = point.GetAttribute("offsetend");
            var line = XmlReports.Int(sl, format);
            if (!MissingBranches.TryGetValue(line, out var ids)) MissingBranches[line] = ids = [];
            ids.Add(offsetEnd is null ? offset : $"{offset}:{offsetEnd}");
        }
    }
}
