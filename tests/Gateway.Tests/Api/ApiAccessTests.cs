using Codecov.Gateway.Api;
using Codecov.Grains;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Tests.Api;

public sealed class ApiAccessTests
{
    private static readonly ApiCaller Anonymous = new(PresentedBearer: false, IsAdmin: false);
    private static readonly ApiCaller Admin = new(PresentedBearer: true, IsAdmin: true);

    private static RepositoryInfo Repository(bool isPrivate) =>
        new(new RepositoryKey("github", "acme", "widgets"), "token", isPrivate, "main", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Public_repository_is_readable_without_a_token() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(Anonymous, Repository(isPrivate: false), settings: false));

    [Fact]
    public void Private_repository_without_a_token_is_not_found_as_codecov_answers() =>
        Assert.Equal(ApiDecision.NotFound, ApiAccess.Decide(Anonymous, Repository(isPrivate: true), settings: false));

    [Fact]
    public void Admin_reads_a_private_repository() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(Admin, Repository(isPrivate: true), settings: false));

    [Fact]
    public void Wrong_bearer_token_is_unauthorized_even_on_a_public_repository() =>
        Assert.Equal(ApiDecision.Unauthorized, ApiAccess.Decide(new ApiCaller(true, false), Repository(isPrivate: false), settings: false));

    [Fact]
    public void Unknown_repository_is_not_found() =>
        Assert.Equal(ApiDecision.NotFound, ApiAccess.Decide(Anonymous, null, settings: false));

    [Fact]
    public void Settings_of_a_public_repository_are_forbidden_without_the_admin_token() =>
        Assert.Equal(ApiDecision.Forbidden, ApiAccess.Decide(Anonymous, Repository(isPrivate: false), settings: true));
}
