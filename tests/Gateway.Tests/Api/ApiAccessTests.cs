using Codecov.Gateway.Api;
using Codecov.Gateway.Auth;
using Codecov.Grains;
using Codecov.Grains.Repositories;

namespace Codecov.Gateway.Tests.Api;

public sealed class ApiAccessTests
{
    private static readonly ApiCaller Anonymous = new(PresentedBearer: false, IsAdmin: false);
    private static readonly ApiCaller Admin = new(PresentedBearer: true, IsAdmin: true);

    private static RepositoryInfo Info => new(new RepositoryKey("github", "acme", "widgets"), "token", false, "main", DateTimeOffset.UnixEpoch);

    // What the access decision grants: a public repository is readable, a private one hidden, an admin edits.
    private static RepositoryView Repository(bool isPrivate) => isPrivate ? RepositoryView.Hidden : new RepositoryView(Info, RepositoryPermission.Read);

    [Fact]
    public void Public_repository_is_readable_without_a_token() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(Anonymous, Repository(isPrivate: false), settings: false));

    [Fact]
    public void Private_repository_without_a_token_is_not_found_as_codecov_answers() =>
        Assert.Equal(ApiDecision.NotFound, ApiAccess.Decide(Anonymous, Repository(isPrivate: true), settings: false));

    [Fact]
    public void Admin_reads_a_private_repository() =>
        Assert.Equal(ApiDecision.Allowed, ApiAccess.Decide(Admin, new RepositoryView(Info, RepositoryPermission.Edit), settings: false));

    [Fact]
    public void Wrong_bearer_token_is_unauthorized_even_on_a_public_repository() =>
        Assert.Equal(ApiDecision.Unauthorized, ApiAccess.Decide(new ApiCaller(true, false), Repository(isPrivate: false), settings: false));

    [Fact]
    public void Unknown_repository_is_not_found() =>
        Assert.Equal(ApiDecision.NotFound, ApiAccess.Decide(Anonymous, RepositoryView.Hidden, settings: false));

    [Fact]
    public void Settings_of_a_public_repository_are_forbidden_without_the_admin_token() =>
        Assert.Equal(ApiDecision.Forbidden, ApiAccess.Decide(Anonymous, Repository(isPrivate: false), settings: true));
}
