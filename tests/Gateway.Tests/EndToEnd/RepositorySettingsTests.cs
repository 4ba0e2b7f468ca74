using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>The repository's stored provider token is a setting: only the site admin may change it.</summary>
public abstract class RepositorySettingsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Only_the_admin_token_may_store_a_provider_token()
    {
        var sha = Guid.NewGuid().ToString("N") + "00000000";
        using (var created = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit={sha}&slug=acme%2Fsettings", null))
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var url = $"{fixture.BaseUrl}/api/v2/github/acme/repos/settings/config/provider-token";

        using var anonymous = await fixture.Http.PutAsJsonAsync(url, new { token = "ghp_repo" });
        using var admin = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { token = "ghp_repo" }) };
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);
        using var stored = await fixture.Http.SendAsync(admin);

        // The repository is private (the default): to anyone but the admin it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
    }
}

public sealed class RepositorySettingsTestsInEmbeddedMode(EmbeddedGatewayFixture fixture) : RepositorySettingsTests(fixture), IClassFixture<EmbeddedGatewayFixture>;

public sealed class RepositorySettingsTestsInClusterMode(ClusterGatewayFixture fixture) : RepositorySettingsTests(fixture), IClassFixture<ClusterGatewayFixture>;
