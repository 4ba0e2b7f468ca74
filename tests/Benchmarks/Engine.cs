using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;

namespace Codecov.Benchmarks;

/// <summary>Our engine as an upload uses it: a format parses one report into a session, resolving paths against the network.</summary>
public static class Engine
{
    public static ICoverageFormat Format(string name) =>
        FormatRegistry.Default.Formats.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"No format is named '{name}'.", nameof(name));

    /// <summary>The format that claims a report, as the upload parser detects it.</summary>
    public static ICoverageFormat Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[ReportProbe.HeadSize];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return FormatRegistry.Default.Detect(new ReportProbe(Path.GetFileName(path), head.AsMemory(0, read)))
            ?? throw new InvalidDataException($"No format claims {path}.");
    }

    /// <summary>One session's report; no <c>max_report_age</c>, since fixtures carry their generation time.</summary>
    public static CoverageReport Parse(ICoverageFormat format, Stream content, IReadOnlyList<string> network, int sessionId = 0)
    {
        var context = new ParseContext(sessionId, new PathFixer(PathFixingRules.None, network, null), ParserSettings.Default,
            DateTimeOffset.UtcNow, MaxReportAge: null);
        var builder = new ReportBuilder(context);
        format.Parse(content, builder);
        return builder.Build();
    }
}
