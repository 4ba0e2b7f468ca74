using Codecov.Gateway.Uploads;
using Codecov.Grains;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class RepositorySlugsTests
{
    [Fact]
    public void Encoded_slug_splits_owner_and_repository_on_four_colons() =>
        Assert.Equal(new RepositoryKey("github", "acme", "widgets"), RepositorySlugs.DecodeEncoded("github", "acme::::widgets"));

    [Fact]
    public void Encoded_slug_turns_three_colons_into_a_subgroup_colon() =>
        Assert.Equal(new RepositoryKey("gitlab", "acme:tools:ci", "widgets"), RepositorySlugs.DecodeEncoded("gitlab", "acme:::tools:::ci::::widgets"));

    [Fact]
    public void Encoded_slug_takes_the_name_after_the_last_separator() =>
        Assert.Equal("c", RepositorySlugs.DecodeEncoded("github", "a:::b::::c")!.Name);

    [Theory]
    [InlineData("acme/widgets")]
    [InlineData("::::widgets")]
    [InlineData("acme::::")]
    [InlineData("acme::::..")]
    [InlineData("acme::::.")]
    [InlineData("..::::widgets")]
    [InlineData("acme:::..::::widgets")]
    [InlineData("acme::::wid?gets")]
    public void Encoded_slug_without_a_usable_owner_or_name_is_not_a_repository(string encoded) =>
        Assert.Null(RepositorySlugs.DecodeEncoded("github", encoded));

    [Fact]
    public void Legacy_slug_keeps_the_last_segment_as_name_and_joins_the_rest_with_colons() =>
        Assert.Equal(new RepositoryKey("github", "acme:tools", "widgets"), RepositorySlugs.ParseLegacy("github", "acme/tools/widgets"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("widgets")]
    [InlineData("acme/wid gets")]
    [InlineData("acme/")]
    [InlineData("acme/..")]
    [InlineData("acme/.")]
    [InlineData("../widgets")]
    public void Legacy_slug_failing_codecovs_pattern_names_no_repository(string? slug) =>
        Assert.Null(RepositorySlugs.ParseLegacy("github", slug));
}
