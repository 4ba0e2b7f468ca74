using Codecov.Gateway.Api;
using Codecov.Grains;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Tests.Api;

public sealed class ApiAccessTests
{
    private static RepositoryInfo Repository(bool isPrivate) =>
        new(new RepositoryKey("github", "acme", "widgets"), "token", isPrivate, "main", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Public_repository_is_readable_without_a_token() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(false, false, Repository(isPrivate: false), settings: false));

    [Fact]
    public void Private_repository_without_a_token_is_unauthorized() =>
        Assert.Equal(ApiDecision.Unauthorized, ApiAccess.Decide(false, false, Repository(isPrivate: true), settings: false));

    [Fact]
    public void Admin_reads_a_private_repository() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(true, true, Repository(isPrivate: true), settings: false));

    [Fact]
    public void Wrong_bearer_token_is_unauthorized_even_on_a_public_repository() =>
        Assert.Equal(ApiDecision.Unauthorized, ApiAccess.Decide(true, false, Repository(isPrivate: false), settings: false));

    [Fact]
    public void Unknown_repository_is_not_found() =>
        Assert.Equal(ApiDecision.NotFound, ApiAccess.Decide(false, false, null, settings: false));

    [Fact]
    public void Settings_of_a_public_repository_need_the_admin_token() =>
        Assert.Equal(ApiDecision.Unauthorized, ApiAccess.Decide(false, false, Repository(isPrivate: false), settings: true));
}
