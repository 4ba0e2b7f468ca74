namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>Where the repository, its fixtures and the test tools live.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepositoryRoot, "tests", "Grains.Tests", "Fixtures");

    public static string Fixture(string format, string project) => Path.Combine(Fixtures, format, project);

    /// <summary>Tools the tests install themselves (npm packages), kept between runs.</summary>
    public static string ToolCache => Path.Combine(RepositoryRoot, ".test-env");

    public static string GatewayAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(RepositoryRoot, "Gateway", "bin", configuration, "net10.0", "Codecov.Gateway.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codecov.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Codecov.sln not found above " + AppContext.BaseDirectory);
    }
}
