using Codecov.Grains.Formats;
using Codecov.Grains.Tests.Hostile;

namespace Codecov.Grains.Tests.Fuzz;

/// <summary>
/// Every crash or hang the fuzz run found, minimized and kept under Fuzz/Regressions/. Each case must
/// end, through the format and through detection + the upload parser, in a readable rejection or a sane report.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static byte[] Input(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions", name));

    private static void AssertRejectedEverywhere(string formatName, string file)
    {
        var input = Input(file);
        SaneOutcome.AssertRejected(BoundedParse.Format(FuzzCorpus.Format(formatName), input));
        SaneOutcome.AssertRejected(BoundedParse.Upload(input));
    }

    [Theory]
    [InlineData("json-key-not-utf8-in-head.bin")]
    [InlineData("json-nested-key-not-utf8-in-head.bin")]
    public void A_json_key_that_is_not_utf8_does_not_crash_detection(string file)
    {
        // Utf8JsonReader.GetString threw InvalidOperationException from JsonHead, outside any parser's guard.
        SaneOutcome.Assert(BoundedParse.Detect(Input(file)));
        SaneOutcome.AssertRejected(BoundedParse.Upload(Input(file)));
    }

    [Fact]
    public void A_codecov_json_coverage_value_that_is_not_utf8_is_rejected() =>
        AssertRejectedEverywhere("codecov-json", "codecov-json-coverage-value-not-utf8.bin");

    [Fact]
    public void A_coveralls_file_name_that_is_not_utf8_is_rejected() =>
        AssertRejectedEverywhere("coveralls", "coveralls-file-name-not-utf8.bin");

    [Fact]
    public void A_simplecov_file_name_that_is_not_utf8_is_rejected() =>
        AssertRejectedEverywhere("simplecov", "simplecov-file-name-not-utf8.bin");

    [Fact]
    public void An_istanbul_path_with_a_lone_surrogate_escape_is_rejected() =>
        AssertRejectedEverywhere("istanbul", "istanbul-lone-surrogate-escape.json");

    [Fact]
    public void A_go_block_starting_at_int_min_is_skipped_instead_of_spread_over_billions_of_lines()
    {
        var outcome = BoundedParse.Format(new GoCoverprofileFormat(), Input("go-negative-block-start.txt"));
        SaneOutcome.Assert(outcome);
        Assert.False(outcome.Report!.Files.Any());
    }

    [Fact]
    public void Go_blocks_that_spread_far_beyond_the_input_size_are_rejected()
    {
        var outcome = BoundedParse.Format(new GoCoverprofileFormat(), Input("go-many-huge-blocks.txt"));
        SaneOutcome.AssertRejected(outcome);
        Assert.Contains("corrupt", outcome.Failure!.Message, StringComparison.Ordinal);
    }
}
