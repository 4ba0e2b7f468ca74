using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Codecov.Benchmarks.Inputs;

/// <summary>
/// Grows a real report to benchmark size by repeating its per-file records under new file names
/// (<see cref="PathCopies"/>); the output is deterministic, so every run parses the same bytes.
/// </summary>
public abstract class ReportScaler
{
    public abstract void Write(string fixture, int copies, TextWriter output);

    /// <summary>Repeats the text from the first <paramref name="open"/> to the end of the last <paramref name="close"/>
    /// (e.g. every Cobertura <c>&lt;class&gt;</c>); the first and last records sit at the same depth, so the copy stays well-formed.</summary>
    public static ReportScaler XmlRecords(string open, string close, string pathPattern, Func<string, int, string> rename) =>
        new SegmentScaler(open, close, new Regex(pathPattern, RegexOptions.CultureInvariant), rename);

    /// <summary>Repeats a whole line-oriented report after its first <paramref name="headerLines"/> lines (LCOV, Go).</summary>
    public static ReportScaler TextRecords(int headerLines, string pathPattern) =>
        new LineScaler(headerLines, new Regex(pathPattern, RegexOptions.CultureInvariant | RegexOptions.Multiline));

    /// <summary>Istanbul's <c>coverage-final.json</c>: every top-level file entry copied under its new path.</summary>
    public static ReportScaler IstanbulJson() => new IstanbulScaler();

    private sealed class SegmentScaler(string open, string close, Regex paths, Func<string, int, string> rename) : ReportScaler
    {
        public override void Write(string fixture, int copies, TextWriter output)
        {
            var start = fixture.IndexOf(open, StringComparison.Ordinal);
            var end = fixture.LastIndexOf(close, StringComparison.Ordinal) + close.Length;
            if (start < 0 || end < close.Length) throw new InvalidDataException($"The fixture has no {open}…{close} records.");
            var template = new CopyTemplate(fixture[start..end], paths, rename);
            output.Write(fixture.AsSpan(0, start));
            for (var copy = 0; copy < copies; copy++) template.Write(output, copy);
            output.Write(fixture.AsSpan(end));
        }
    }

    private sealed class LineScaler(int headerLines, Regex paths) : ReportScaler
    {
        public override void Write(string fixture, int copies, TextWriter output)
        {
            var bodyStart = 0;
            for (var i = 0; i < headerLines; i++) bodyStart = fixture.IndexOf('\n', bodyStart) + 1;
            output.Write(fixture.AsSpan(0, bodyStart));
            var body = fixture[bodyStart..];
            if (!body.EndsWith('\n')) body += "\n";
            var template = new CopyTemplate(body, paths, PathCopies.InFolder);
            for (var copy = 0; copy < copies; copy++) template.Write(output, copy);
        }
    }

    private sealed class IstanbulScaler : ReportScaler
    {
        public override void Write(string fixture, int copies, TextWriter output)
        {
            var root = JsonNode.Parse(fixture)!.AsObject();
            var copied = new JsonObject();
            for (var copy = 0; copy < copies; copy++)
            {
                foreach (var (path, entry) in root)
                {
                    var clone = entry!.DeepClone();
                    if (clone is JsonObject file && file["path"] is JsonValue) file["path"] = PathCopies.InFolder(path, copy);
                    copied[PathCopies.InFolder(path, copy)] = clone;
                }
            }
            output.Write(copied.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        }
    }
}
