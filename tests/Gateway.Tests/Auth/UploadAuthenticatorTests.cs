using Codecov.Gateway.Auth;
using Codecov.Grains;

namespace Codecov.Gateway.Tests.Auth;

public sealed class UploadAuthenticatorTests
{
    [Fact]
    public void Owner_and_name_compare_without_case() =>
        Assert.True(UploadAuthenticator.SameRepository(new RepositoryKey("github", "Acme", "Widgets"), new RepositoryKey("github", "acme", "widgets")));

    [Fact]
    public void Another_service_is_another_repository() =>
        Assert.False(UploadAuthenticator.SameRepository(new RepositoryKey("github", "acme", "widgets"), new RepositoryKey("gitlab", "acme", "widgets")));
}
