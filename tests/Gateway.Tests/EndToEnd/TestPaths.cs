using Codecov.Tests.Support;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>Where the repository's fixtures and the test tools live.</summary>
internal static class TestPaths
{
    public static string Fixtures => Path.Combine(BuildOutput.RepositoryRoot, "tests", "Grains.Tests", "Fixtures");

    public static string Fixture(string format, string project) => Path.Combine(Fixtures, format, project);

    /// <summary>Tools the tests install themselves (npm packages), kept between runs.</summary>
    public static string ToolCache => Path.Combine(BuildOutput.RepositoryRoot, ".test-env");
}
