using System.Text;
using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Fuzz;

/// <summary>
/// The bounded fuzz run of CI: for every format, <see cref="ParserFuzzRun.Iterations"/> seeded mutants
/// of its seeds end in a sane report or a readable rejection. A failure names the seed that recreates it.
/// </summary>
public sealed class ParserFuzzTests
{
    public static TheoryData<string> Formats => FuzzCorpus.FormatNames();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Mutated_reports_are_parsed_sanely_or_rejected_readably(string format)
    {
        var failures = new ParserFuzzRun(format).Run(ParserFuzzRun.Iterations);

        Assert.True(failures.Count == 0, Describe(failures));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_has_seeds_to_mutate(string format) => Assert.NotEmpty(FuzzCorpus.For(format));

    [Fact]
    public void The_same_seed_always_gives_the_same_mutant()
    {
        var run = new ParserFuzzRun("lcov");
        Assert.Equal(run.Mutant(run.CaseSeed(7)), run.Mutant(run.CaseSeed(7)));
        Assert.NotEqual(run.Mutant(run.CaseSeed(7)), run.Mutant(run.CaseSeed(8)));
    }

    [Fact]
    public void The_minimizer_keeps_only_what_the_failure_needs()
    {
        var input = Encoding.ASCII.GetBytes("aaaaaaaaaaXbbbbbbbbbbYcccccccccc");
        var minimized = FailureMinimizer.Minimize(input, b => b.Contains((byte)'X') && b.Contains((byte)'Y'));
        Assert.Equal("XY", Encoding.ASCII.GetString(minimized));
    }

    private static string Describe(IReadOnlyList<FuzzFailure> failures) =>
        string.Join("\n\n", failures.Select(f =>
            $"[{f.Format}] seed {f.Seed} ({f.Signature}); recreate with new ParserFuzzRun(\"{f.Format}\").Mutant({f.Seed}):\n{f.Problem}"));
}
