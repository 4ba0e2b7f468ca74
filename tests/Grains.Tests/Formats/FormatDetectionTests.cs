using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Formats;

/// <summary>Each text/JSON format claims its own fixtures and none of the others'.</summary>
public sealed class FormatDetectionTests
{
    public static TheoryData<string, string, Type> Fixtures => new()
    {
        { "lcov/cjson", "lcov.info", typeof(LcovFormat) },
        { "lcov/minimist", "lcov.info", typeof(LcovFormat) },
        { "lcov/more-itertools", "coverage.lcov", typeof(LcovFormat) },
        { "lcov/qs", "lcov.info", typeof(LcovFormat) },
        { "go-coverprofile/golang-stdlib", "coverage.out", typeof(GoCoverprofileFormat) },
        { "go-coverprofile/google-uuid", "coverage.out", typeof(GoCoverprofileFormat) },
        { "gcov/ringbuf", "ringbuf.c.gcov", typeof(GcovFormat) },
        { "gcov/ringbuf", "test_ringbuf.c.gcov", typeof(GcovFormat) },
        { "istanbul-json/minimist", "coverage-final.json", typeof(IstanbulJsonFormat) },
        { "istanbul-json/qs", "coverage-final.json", typeof(IstanbulJsonFormat) },
        { "coveragepy-json/more-itertools", "coverage.json", typeof(CoveragePyJsonFormat) },
        { "coveragepy-json/tomli", "coverage.json", typeof(CoveragePyJsonFormat) },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Only_the_owning_format_claims_a_fixture(string folder, string file, Type owner)
    {
        var probe = TextFixtureReport.Probe(folder, file);
        var claimants = FormatRegistry.Default.Formats.Where(f => f.Matches(probe)).Select(f => f.GetType()).ToList();
        // Istanbul is Codecov's catch-all: coverage.py JSON's "meta"/"files" are objects too, so it is tried last.
        claimants.RemoveAll(t => t == typeof(IstanbulJsonFormat) && owner != typeof(IstanbulJsonFormat));
        Assert.Equal([owner], claimants);
    }
}
