namespace Codecov.Grains.Formats;

/// <summary>
/// Every supported format, in the order Codecov's processor tries them (codecov-semantics §3,
/// "Dispatch"): the first format that claims a report parses it. Adding a format is one line here.
/// </summary>
public sealed class FormatRegistry
{
    public static readonly FormatRegistry Default = new(
    [
        new ScoverageFormat(),
        new DotCoverFormat(),
        new CloverFormat(),
        new OpenCoverFormat(),
        new JacocoFormat(),
        new CoberturaFormat(),
        new LcovFormat(),
        new GcovFormat(),
        new GoCoverprofileFormat(),
        new XcodeLlvmCovFormat(),
        new CodecovJsonFormat(),
        new CoverallsFormat(),
        new SimpleCovFormat(),
        new CoveragePyJsonFormat(),
        new IstanbulJsonFormat(),
    ]);

    public FormatRegistry(IReadOnlyList<ICoverageFormat> formats) => Formats = formats;

    public IReadOnlyList<ICoverageFormat> Formats { get; }

    /// <summary>The first format that claims the report, or null when none does.</summary>
    public ICoverageFormat? Detect(ReportProbe probe) => Formats.FirstOrDefault(f => f.Matches(probe));
}
