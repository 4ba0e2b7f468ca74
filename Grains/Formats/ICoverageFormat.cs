namespace Codecov.Grains.Formats;

/// <summary>
/// One coverage report format. Every format answers two questions: "is this mine?" from the
/// first bytes and the file name, and "parse this stream" into the common line model.
/// </summary>
public interface ICoverageFormat
{
    /// <summary>Short stable name, e.g. <c>cobertura</c>, recorded on the upload.</summary>
    string Name { get; }

    /// <summary>Whether this format claims the report, judged from its file name and first bytes.</summary>
    bool Matches(ReportProbe probe);

    /// <summary>Parses the whole stream into <paramref name="builder"/>; throws <see cref="ReportRejectedException"/> for a report Codecov would reject.</summary>
    void Parse(Stream content, ReportBuilder builder);
}
