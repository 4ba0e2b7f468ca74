using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class BranchAndPullTests
{
    [Fact]
    public void No_branch_and_no_pull_request_uses_the_default_branch() =>
        Assert.Equal(new BranchAndPull("main", null), BranchAndPull.Resolve(null, null, "main"));

    [Fact]
    public void Empty_branch_uses_the_default_branch() =>
        Assert.Equal(new BranchAndPull("develop", null), BranchAndPull.Resolve("", "", "develop"));

    [Theory]
    [InlineData("pull/42", 42)]
    [InlineData("refs/pull/42/merge", 42)]
    [InlineData("pr/7", 7)]
    public void Branch_naming_a_pull_request_becomes_that_pull_request(string branch, int pull) =>
        Assert.Equal(new BranchAndPull(null, pull), BranchAndPull.Resolve(branch, null, "main"));

    [Fact]
    public void Pull_request_without_branch_leaves_the_branch_empty() =>
        Assert.Equal(new BranchAndPull(null, 12), BranchAndPull.Resolve(null, "12", "main"));

    [Fact]
    public void Pull_request_true_suppresses_the_default_branch_but_is_not_stored() =>
        Assert.Equal(new BranchAndPull(null, null), BranchAndPull.Resolve(null, "true", "main"));

    [Fact]
    public void Ordinary_branch_and_pull_request_are_both_kept() =>
        Assert.Equal(new BranchAndPull("feature", 3), BranchAndPull.Resolve("feature", "3", "main"));
}
