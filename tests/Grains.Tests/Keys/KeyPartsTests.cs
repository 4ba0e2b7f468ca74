namespace Codecov.Grains.Tests.Keys;

public sealed class KeyPartsTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("12:abcdefabcdef")]
    public void Git_and_mercurial_ids_are_commit_shas(string sha) => Assert.True(KeyParts.IsCommitSha(sha));

    [Theory]
    [InlineData("1:abcdefabcdef/../x")]
    [InlineData("1:abcdefabcdef\\..\\x")]
    [InlineData("1:abcdefabcdef0")]
    [InlineData("0123456789abcdef0123456789abcdef0123456")]
    [InlineData("0123456789abcdef0123456789abcdef01234567/")]
    [InlineData("0123456789abcdef0123456789abcdef0123456é")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_after_or_around_the_id_is_refused(string? sha) => Assert.False(KeyParts.IsCommitSha(sha));

    [Theory]
    [InlineData("widgets")]
    [InlineData("widgets.js")]
    [InlineData(".github")]
    [InlineData("a_b-c")]
    public void Ordinary_names_are_repository_names(string name) => Assert.True(KeyParts.IsRepositoryName(name));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("wid/gets")]
    [InlineData("wid gets")]
    [InlineData("wid%2Fgets")]
    [InlineData("wïdgets")]
    [InlineData("w?x")]
    public void Names_that_break_urls_or_keys_are_refused(string name) => Assert.False(KeyParts.IsRepositoryName(name));

    [Fact]
    public void A_name_may_have_255_characters_not_more()
    {
        Assert.True(KeyParts.IsRepositoryName(new string('a', 255)));
        Assert.False(KeyParts.IsRepositoryName(new string('a', 256)));
    }

    [Theory]
    [InlineData("acme", true)]
    [InlineData("acme:tools:ci", true)]
    [InlineData("~user", true)]
    [InlineData("acme:..", false)]
    [InlineData("..", false)]
    [InlineData("acme::tools", false)]
    [InlineData("acme/tools", false)]
    public void Owner_parts_are_checked_one_by_one(string owner, bool valid) => Assert.Equal(valid, KeyParts.IsOwner(owner));
}
