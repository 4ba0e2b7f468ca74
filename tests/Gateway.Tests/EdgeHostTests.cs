using System.Net;
using System.Reflection;
using System.Text;
using Codecov.Gateway.Api;
using Codecov.Gateway.Uploads;
using Codecov.Grains.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Codecov.Gateway.Tests;

/// <summary>
/// The routes on a real Kestrel on loopback, for the answers given before any grain is asked:
/// a grain call here would throw, so each case proves it was decided at the edge.
/// </summary>
public sealed class EdgeHostTests : IAsyncLifetime
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private LoopbackGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await LoopbackGateway.StartAsync(
        services =>
        {
            services.AddSingleton(DispatchProxy.Create<IGrainFactory, UnreachableProxy>());
            services.AddSingleton(DispatchProxy.Create<IObjectStore, UnreachableProxy>());
        },
        app =>
        {
            app.MapUploadEndpoints();
            app.MapApiEndpoints();
        });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public void Every_endpoint_builds_its_request_delegate() =>
        Assert.True(((IEndpointRouteBuilder)gateway.App).DataSources.SelectMany(s => s.Endpoints).Count() >= 15);

    [Fact]
    public async Task Legacy_v4_without_commit_is_invalid_plain_text()
    {
        var response = await gateway.Client.PostAsync("/upload/v4?token=abc&branch=main", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid request parameters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Legacy_v2_without_a_token_cannot_determine_the_repository()
    {
        var response = await gateway.Client.PostAsync($"/upload/v2/?commit={Sha}&slug=acme/widgets&service=github-actions", new StringContent("x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Could not determine repo and owner", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cli_route_without_a_token_is_not_a_valid_tokenless_upload()
    {
        var response = await gateway.Client.PostAsync("/upload/github/acme::::widgets/upload-coverage", Json($"{{\"commitid\":\"{Sha}\"}}"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"detail\":\"Not valid tokenless upload\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cli_route_with_a_bearer_header_has_no_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload/github/acme::::widgets/commits") { Content = Json("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        var response = await gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_complete_without_a_token_asks_to_check_the_token()
    {
        var response = await gateway.Client.PostAsync($"/upload/github/acme::::widgets/commits/{Sha}/upload-complete", Json("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Failed token authentication", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cli_route_with_an_unknown_service_names_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload/gitea/acme::::widgets/commits") { Content = Json("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "token abc");
        var response = await gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[\"Service not found: gitea\"]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Put_with_a_forged_signature_is_forbidden()
    {
        var response = await gateway.Client.PutAsync($"/upload/put/github/acme/widgets/{Sha}/u1?expires=9999999999&signature={new string('0', 64)}", new StringContent("x"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Api_for_an_unknown_service_is_not_found_with_codecovs_body()
    {
        var response = await gateway.Client.GetAsync("/api/v2/gitea/acme/repos/widgets/totals/?sha=" + Sha);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Not found."}""", await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Stands in for grains and storage; any call means the edge did not decide alone.</summary>
    public class UnreachableProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} must not be reached in this test.");
    }
}
