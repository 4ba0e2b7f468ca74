using System.Globalization;
using Codecov.Grains.Formats;
using Codecov.Grains.Reports;
using Codecov.Grains.Tests.Hostile;

namespace Codecov.Grains.Tests.Fuzz;

/// <summary>A mutant that broke the rules: the seed that recreates it, what went wrong, and the bytes.</summary>
public sealed record FuzzFailure(string Format, int Seed, string Signature, string Problem, byte[] Input);

/// <summary>
/// Runs seeded mutants of one format's seeds through detection and that format's parser, each with
/// a deadline. <c>FUZZ_ITERATIONS</c> sets the mutants per format (default 300, the CI budget);
/// <c>FUZZ_SEED</c> shifts the seeds; <c>FUZZ_SAVE_DIR</c> saves each distinct failure, minimized.
/// </summary>
public sealed class ParserFuzzRun(string formatName)
{
    public const int DefaultIterations = 300;

    public static int Iterations => EnvInt("FUZZ_ITERATIONS") ?? DefaultIterations;

    private static int BaseSeed => EnvInt("FUZZ_SEED") ?? 0;

    private readonly Lazy<IReadOnlyList<FuzzSeed>> seeds = new(() => FuzzCorpus.For(formatName));

    /// <summary>The seed of one case: stable across runs and machines (no string.GetHashCode).</summary>
    public int CaseSeed(int iteration)
    {
        var hash = 2166136261u;
        foreach (var c in formatName) hash = (hash ^ c) * 16777619u;
        return unchecked((int)hash + (BaseSeed * 1_000_003) + iteration);
    }

    /// <summary>The mutant a case seed stands for.</summary>
    public byte[] Mutant(int seed) => new ReportMutator(seed).Mutate(seeds.Value);

    public IReadOnlyList<FuzzFailure> Run(int iterations)
    {
        var format = FuzzCorpus.Format(formatName);
        var failures = new List<FuzzFailure>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < iterations; i++)
        {
            var seed = CaseSeed(i);
            var input = Mutant(seed);
            var outcome = Check(format, input);
            if (SaneOutcome.Problem(outcome) is not { } problem) continue;
            var signature = Signature(outcome);
            if (!signatures.Add(signature)) continue;
            failures.Add(new FuzzFailure(formatName, seed, signature, problem, input));
            Save(failures[^1], format);
        }
        return failures;
    }

    /// <summary>Detection must not throw; the parser must end in a sane report or a rejection.</summary>
    public static ParseOutcome Check(ICoverageFormat format, byte[] input) =>
        BoundedParse.Run(() =>
        {
            FormatRegistry.Default.Detect(new ReportProbe("report", input.AsMemory(0, Math.Min(input.Length, ReportProbe.HeadSize))));
            var builder = new ReportBuilder(BoundedParse.Context());
            format.Parse(new MemoryStream(input, writable: false), builder);
            return builder.Build();
        });

    /// <summary>The kind of failure, so one bug is reported once, not once per mutant.</summary>
    public static string Signature(ParseOutcome outcome)
    {
        if (outcome.TimedOut) return "timeout";
        if (outcome.Failure is not { } e) return "insane report";
        var frame = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Codecov.Grains.", StringComparison.Ordinal)) ?? "";
        var at = frame.IndexOf(" in ", StringComparison.Ordinal);
        return $"{e.GetType().Name} {(at < 0 ? frame : frame[..at])}";
    }

    private static void Save(FuzzFailure failure, ICoverageFormat format)
    {
        if (Environment.GetEnvironmentVariable("FUZZ_SAVE_DIR") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        // A hang is saved as found: every minimizing attempt would wait out the deadline.
        var minimized = failure.Signature == "timeout"
            ? failure.Input
            : FailureMinimizer.Minimize(failure.Input, bytes => Signature(Check(format, bytes)) == failure.Signature);
        var name = $"{failure.Format}-{failure.Seed.ToString(CultureInfo.InvariantCulture)}";
        File.WriteAllBytes(Path.Combine(dir, name + ".bin"), minimized);
        File.WriteAllText(Path.Combine(dir, name + ".txt"), $"{failure.Signature}\n{failure.Problem}\n");
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>Shrinks a failing input by dropping chunks while it still fails the same way (a small delta debugger).</summary>
public static class FailureMinimizer
{
    public static byte[] Minimize(byte[] input, Func<byte[], bool> stillFails, int maxAttempts = 3000)
    {
        var current = input;
        var attempts = 0;
        for (var chunk = Math.Max(1, current.Length / 2); chunk >= 1 && attempts < maxAttempts; chunk /= 2)
        {
            for (var at = 0; at < current.Length && attempts < maxAttempts;)
            {
                var length = Math.Min(chunk, current.Length - at);
                byte[] candidate = [.. current.AsSpan(0, at), .. current.AsSpan(at + length)];
                attempts++;
                if (stillFails(candidate)) current = candidate;
                else at += length;
            }
        }
        return current;
    }
}
