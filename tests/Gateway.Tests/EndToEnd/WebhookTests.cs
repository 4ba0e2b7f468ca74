using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>GitHub deliveries are acted on only with a valid <c>X-Hub-Signature-256</c>.</summary>
public abstract class WebhookTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Delivery_with_a_bad_signature_is_refused_with_401()
    {
        using var response = await DeliverAsync("status", """{"state":"success","sha":"abc","repository":{"name":"r","owner":{"login":"o"}}}""",
            signature: "sha256=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Delivery_without_a_signature_is_refused_with_401()
    {
        using var response = await DeliverAsync("ping", """{"zen":"Keep it logically awesome."}""", signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signed_delivery_for_an_unknown_repository_is_accepted_and_ignored()
    {
        var body = """{"action":"completed","check_run":{"head_sha":"abc"},"repository":{"name":"nothing-here","owner":{"login":"nobody"}}}""";

        using var response = await DeliverAsync("check_run", body, Sign(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(receipt.RootElement.GetProperty("handled").GetBoolean());
    }

    private string Sign(string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(fixture.WebhookSecret), Encoding.UTF8.GetBytes(body)));

    private async Task<HttpResponseMessage> DeliverAsync(string eventName, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.BaseUrl}/webhooks/github")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return await fixture.Http.SendAsync(request);
    }
}

public sealed class WebhookTestsInEmbeddedMode(EmbeddedGatewayFixture fixture) : WebhookTests(fixture), IClassFixture<EmbeddedGatewayFixture>;

public sealed class WebhookTestsInClusterMode(ClusterGatewayFixture fixture) : WebhookTests(fixture), IClassFixture<ClusterGatewayFixture>;
