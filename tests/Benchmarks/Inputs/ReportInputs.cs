namespace Codecov.Benchmarks.Inputs;

/// <summary>The reports the benchmarks parse: every fixture of the eight benchmarked formats, and scaled copies.</summary>
public static class ReportInputs
{
    /// <summary>Scaled reports aim at this size (the issue asks for 20–50 MB inputs).</summary>
    public const long LargeBytes = 24L << 20;

    /// <summary>The size of the end-to-end upload.</summary>
    public const long UploadBytes = 20L << 20;

    public static IEnumerable<ReportInput> Fixtures() =>
    [
        new("cobertura", "cobertura/cjson", "gcovr-cobertura.xml"),
        new("cobertura", "cobertura/guardclauses", "coverage.cobertura.xml"),
        new("cobertura", "cobertura/more-itertools", "coverage.xml"),
        new("cobertura", "cobertura/qs", "cobertura-coverage.xml"),
        new("lcov", "lcov/cjson", "lcov.info"),
        new("lcov", "lcov/more-itertools", "coverage.lcov"),
        new("lcov", "lcov/qs", "lcov.info"),
        new("jacoco", "jacoco/commons-cli", "jacoco.xml"),
        new("go", "go-coverprofile/golang-stdlib", "coverage.out"),
        new("go", "go-coverprofile/google-uuid", "coverage.out"),
        new("istanbul", "istanbul-json/qs", "coverage-final.json"),
        new("opencover", "opencover/guardclauses", "coverage.opencover.xml"),
        new("clover", "clover/qs", "clover.xml"),
        new("gcov", "gcov/ringbuf", "ringbuf.c.gcov"),
    ];

    /// <summary>
    /// One scaled report per format that has per-file records to repeat. OpenCover (files are
    /// numbered per module and referenced by id) and gcov (one source file per report) are
    /// benchmarked on their fixtures only.
    /// </summary>
    public static IEnumerable<ReportInput> Large() =>
    [
        Cobertura(LargeBytes),
        Lcov(LargeBytes),
        new("jacoco", "jacoco/commons-cli", "jacoco.xml",
            ReportScaler.XmlRecords("<package ", "</package>", "<package name=\"(?<path>[^\"]*)\"", PathCopies.Subfolder), LargeBytes),
        new("go", "go-coverprofile/golang-stdlib", "coverage.out", ReportScaler.TextRecords(1, "^(?<path>[^:\\n]+):"), LargeBytes),
        new("istanbul", "istanbul-json/qs", "coverage-final.json", ReportScaler.IstanbulJson(), LargeBytes),
        new("clover", "clover/qs", "clover.xml",
            ReportScaler.XmlRecords("<file ", "</file>", "<file [^>]*?path=\"(?<path>[^\"]*)\"", PathCopies.InFolder), LargeBytes),
    ];

    public static IEnumerable<ReportInput> All() => Fixtures().Concat(Large());

    /// <summary>gcovr's Cobertura of cJSON (line and branch records), every <c>&lt;class&gt;</c> repeated.</summary>
    public static ReportInput Cobertura(long targetBytes) =>
        new("cobertura", "cobertura/cjson", "gcovr-cobertura.xml",
            ReportScaler.XmlRecords("<class ", "</class>", "<class [^>]*?filename=\"(?<path>[^\"]*)\"", PathCopies.InFolder), targetBytes);

    /// <summary>lcov's capture of cJSON (DA, BRDA, FN), every <c>SF</c> record repeated.</summary>
    public static ReportInput Lcov(long targetBytes) =>
        new("lcov", "lcov/cjson", "lcov.info", ReportScaler.TextRecords(0, "^SF:(?<path>.*)$"), targetBytes);
}
