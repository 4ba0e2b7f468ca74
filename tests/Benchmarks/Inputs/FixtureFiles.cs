namespace Codecov.Benchmarks.Inputs;

/// <summary>
/// The real tool reports under <c>tests/Grains.Tests/Fixtures</c>. BenchmarkDotNet runs each benchmark
/// from a generated project in a folder of its own, so the folder is found by walking up from both
/// the executable and the working directory rather than by copying the fixtures next to the binary.
/// </summary>
public static class FixtureFiles
{
    private const string RelativeRoot = "tests/Grains.Tests/Fixtures";
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Overrides the search, e.g. when the benchmark binary is copied elsewhere.</summary>
    public const string RootVariable = "CODECOV_FIXTURES";

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The fixture folder's <c>network.txt</c>, as an uploader sends it.</summary>
    public static IReadOnlyList<string> Network(string folder) =>
        File.ReadAllLines(PathOf(Path.Combine(folder, "network.txt"))).Where(l => l.Length > 0).ToList();

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeRoot);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"{RelativeRoot} was not found above {AppContext.BaseDirectory}; set {RootVariable} to the fixture folder.");
    }
}
