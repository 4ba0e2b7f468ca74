using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

public sealed class CodecovYamlLocationsTests
{
    [Fact]
    public void The_four_names_are_searched_at_the_root_then_in_dev_and_dot_github() =>
        Assert.Equal(
            ["codecov.yml", ".codecov.yml", "codecov.yaml", ".codecov.yaml",
             "dev/codecov.yml", "dev/.codecov.yml", "dev/codecov.yaml", "dev/.codecov.yaml",
             ".github/codecov.yml", ".github/.codecov.yml", ".github/codecov.yaml", ".github/.codecov.yaml"],
            CodecovYamlLocations.CandidatePaths());

    [Fact]
    public async Task A_file_at_the_root_wins_over_the_folders()
    {
        var listed = new List<string>();
        var found = await CodecovYamlLocations.LocateAsync(
            [("README.md", false), (".github", true), (".codecov.yaml", false)],
            folder => { listed.Add(folder); return Task.FromResult<IReadOnlyList<string>>([folder + "/codecov.yml"]); });

        Assert.Equal(".codecov.yaml", found);
        Assert.Empty(listed);
    }

    [Fact]
    public async Task Only_the_dev_and_dot_github_folders_are_searched()
    {
        var found = await CodecovYamlLocations.LocateAsync(
            [("src", true), (".github", true)],
            folder => Task.FromResult<IReadOnlyList<string>>(folder == "src" ? ["src/codecov.yml"] : [".github/workflows", ".github/codecov.yml"]));

        Assert.Equal(".github/codecov.yml", found);
    }

    [Fact]
    public async Task No_file_means_no_location() =>
        Assert.Null(await CodecovYamlLocations.LocateAsync([("codecov.json", false)], _ => Task.FromResult<IReadOnlyList<string>>([])));
}
