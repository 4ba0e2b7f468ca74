using Codecov.Grains.Providers;

namespace Codecov.Grains.Tests.Providers;

public sealed class StatusDescriptionTests
{
    [Fact]
    public void A_description_within_the_limit_is_unchanged()
    {
        var text = new string('a', StatusDescription.MaxLength);

        Assert.Same(text, StatusDescription.Truncate(text));
    }

    [Fact]
    public void A_long_description_is_cut_to_the_limit_with_an_ellipsis()
    {
        var cut = StatusDescription.Truncate(new string('x', 500));

        Assert.Equal(StatusDescription.MaxLength, cut.Length);
        Assert.EndsWith("...", cut);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        // 136 ASCII characters then emoji (two UTF-16 units each): the 137th unit is a high surrogate.
        var text = new string('a', 136) + string.Concat(Enumerable.Repeat("\U0001F600", 10));

        var cut = StatusDescription.Truncate(text);

        Assert.True(cut.Length <= StatusDescription.MaxLength);
        Assert.False(char.IsHighSurrogate(cut[^4]));
        Assert.Equal(new string('a', 136) + "...", cut);
    }
}
