using System.Net;
using System.Net.Http.Headers;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>The dashboard's frame: its start page, its not-found page for browsers, and operator routes behind the admin policy.</summary>
public abstract class DashboardShellTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_start_page_is_served_as_html_with_its_stylesheet()
    {
        using var page = await fixture.Http.GetAsync(fixture.BaseUrl + "/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "href=\"(css/site[^\"]*\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);
        using var css = await fixture.Http.GetAsync(fixture.BaseUrl + "/" + stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task A_browser_on_an_unknown_address_gets_the_not_found_page_and_an_api_client_an_empty_404()
    {
        using var browser = new HttpRequestMessage(HttpMethod.Get, fixture.BaseUrl + "/no/such/page/here");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await fixture.Http.SendAsync(browser);
        using var api = await fixture.Http.GetAsync(fixture.BaseUrl + "/no/such/page/here");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Empty(await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Operator_routes_need_a_site_administrator()
    {
        using var anonymous = await fixture.Http.GetAsync(fixture.BaseUrl + "/operators/silos");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, fixture.BaseUrl + "/operators/silos");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-admin-token");
        using var refused = await fixture.Http.SendAsync(wrong);
        using var admin = new HttpRequestMessage(HttpMethod.Get, fixture.BaseUrl + "/operators/silos");
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);
        using var allowed = await fixture.Http.SendAsync(admin);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("\"silos\"", await allowed.Content.ReadAsStringAsync());
    }
}

public sealed class DashboardShellTestsInEmbeddedMode(EmbeddedGatewayFixture fixture) : DashboardShellTests(fixture), IClassFixture<EmbeddedGatewayFixture>;

public sealed class DashboardShellTestsInClusterMode(ClusterGatewayFixture fixture) : DashboardShellTests(fixture), IClassFixture<ClusterGatewayFixture>;
