using System.Net;
using System.Text;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// Bad input against the real processes (embedded and cluster mode): Codecov's exact status and body on Codecov's routes, and
/// never a lost or corrupted upload that was already accepted.
/// </summary>
public abstract class BadInputTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Unknown_token_on_the_cli_route_gets_Codecovs_401()
    {
        using var request = CliPost("acme::::bad-token", "upload-coverage", new { commitid = NewSha(), code = "default" }, token: Guid.NewGuid().ToString());
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"detail\":\"Not valid tokenless upload\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_for_an_unknown_commit_gets_Commit_SHA_not_found()
    {
        using var request = CliPost("acme::::unknown-commit", $"commits/{NewSha()}/reports", new { code = "default" });
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[\"Commit SHA not found\"]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Legacy_upload_with_an_invalid_commit_gets_Invalid_request_parameters()
    {
        using var response = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit=not-a-sha&slug=acme%2Flegacy", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid request parameters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forged_upload_url_is_refused_with_403_and_stores_nothing()
    {
        var (putUrl, sha) = await CreateUploadAsync("forged");
        var forged = putUrl.Replace("signature=", "signature=0", StringComparison.Ordinal);

        using var response = await fixture.Http.PutAsync(forged, new StringContent("SF:a.c\nDA:1,1\nend_of_record\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var uploads = await fixture.GetJsonAsync($"/api/v2/github/acme/repos/forged/commits/{sha}/uploads/");
        Assert.All(uploads!.RootElement.GetProperty("results").EnumerateArray(),
            u => Assert.NotEqual("processed", u.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Malformed_report_ends_the_upload_in_error_with_a_reason_and_keeps_earlier_uploads()
    {
        var (goodUrl, sha) = await CreateUploadAsync("malformed");
        using (var ok = await fixture.Http.PutAsync(goodUrl, new StringContent("# path=lcov.info\nSF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n<<<<<< EOF")))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await fixture.WaitForCommitAsync("acme", "malformed", sha);

        var (badUrl, _) = await CreateUploadAsync("malformed", sha);
        using (var bad = await fixture.Http.PutAsync(badUrl, new StringContent("# path=coverage.xml\n<coverage><packages><package")))
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        var commit = await fixture.WaitForCommitAsync("acme", "malformed", sha, expectedUploads: 2);
        using var uploads = await fixture.GetJsonAsync($"/api/v2/github/acme/repos/malformed/commits/{sha}/uploads/");
        var failed = uploads!.RootElement.GetProperty("results").EnumerateArray().Single(u => u.GetProperty("state").GetString() == "error");
        var error = failed.GetProperty("errors")[0];
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        // The first upload's totals are untouched: 2 lines, 1 hit (ratio "50").
        Assert.Equal((2, 1), (commit.GetProperty("totals").GetProperty("lines").GetInt32(), commit.GetProperty("totals").GetProperty("hits").GetInt32()));
        using var timeline = await fixture.GetJsonAsync($"/api/v2/github/acme/repos/malformed/commits/{sha}/timeline");
        var events = timeline!.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(["upload_created", "upload_received", "upload_merged", "upload_created", "upload_received", "upload_failed"], events);
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        await using var small = await fixture.StartGatewayAsync(new Dictionary<string, string> { ["Codecov__MaxUploadBytes"] = "1024" });
        var sha = NewSha();
        using var post = await fixture.Http.PostAsync(
            $"{small.BaseUrl}/upload/v4?token={small.GlobalToken}&commit={sha}&slug=acme%2Flimits", null);
        var putUrl = (await post.Content.ReadAsStringAsync()).Split('\n')[1];

        using var response = await fixture.Http.PutAsync(putUrl, new ByteArrayContent(new byte[4096]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("1:abcdefabcdef/../x")]
    [InlineData("1:abcdefabcdef\\..\\x")]
    public async Task Legacy_commit_with_anything_after_the_mercurial_id_gets_Invalid_request_parameters(string commit)
    {
        using var response = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit={Uri.EscapeDataString(commit)}&slug=acme%2Fhg-ids", null);

        await AssertAnswerAsync(response, HttpStatusCode.BadRequest, "Invalid request parameters");
    }

    [Fact]
    public async Task Cli_commit_that_is_not_a_commit_id_is_refused_field_by_field()
    {
        using var request = CliPost("acme::::cli-ids", "upload-coverage", new { commitid = "1:abcdefabcdef/../x", parent_commit_id = "..\\x", code = "default" });
        using var response = await fixture.Http.SendAsync(request);

        await AssertAnswerAsync(response, HttpStatusCode.BadRequest, "{\"commitid\":[\"Enter a valid commit SHA.\"],\"parent_commit_id\":[\"Enter a valid commit SHA.\"]}");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Repository_named_dot_or_dot_dot_is_refused_on_both_upload_routes(string name)
    {
        using var cli = await fixture.Http.SendAsync(CliPost($"acme::::{name}", "upload-coverage", new { commitid = NewSha(), code = "default" }));
        await AssertAnswerAsync(cli, HttpStatusCode.BadRequest, "[\"Repository not found\"]");

        using var legacy = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit={NewSha()}&slug=acme%2F{name}", null);
        await AssertAnswerAsync(legacy, HttpStatusCode.BadRequest, "Invalid request parameters");
    }

    [Fact]
    public async Task Branch_past_the_limit_gets_the_serializers_max_length_message_and_nothing_is_stored()
    {
        var sha = NewSha();
        using var request = CliPost("acme::::long-branch", "upload-coverage", new { commitid = sha, code = "default", branch = new string('b', 1025) });
        using var response = await fixture.Http.SendAsync(request);

        await AssertAnswerAsync(response, HttpStatusCode.BadRequest, "{\"branch\":[\"Ensure this field has no more than 1024 characters.\"]}");
        Assert.Null(await fixture.GetJsonAsync($"/api/v2/github/acme/repos/long-branch/commits/{sha}/"));
    }

    [Fact]
    public async Task Ten_megabyte_body_on_a_cli_route_is_refused_with_413_unread()
    {
        using var request = CliPost("acme::::huge-branch", "upload-coverage", new { commitid = NewSha(), code = "default", branch = new string('b', 10 * 1024 * 1024) });
        using var response = await fixture.Http.SendAsync(request);

        await AssertAnswerAsync(response, HttpStatusCode.RequestEntityTooLarge, "{\"detail\":\"Request body is larger than 1048576 bytes.\"}");
    }

    [Fact]
    public async Task Legacy_branch_past_the_limit_gets_Invalid_request_parameters()
    {
        using var response = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit={NewSha()}&slug=acme%2Flegacy-branch&branch={new string('b', 1025)}", null);

        await AssertAnswerAsync(response, HttpStatusCode.BadRequest, "Invalid request parameters");
    }

    [Fact]
    public async Task Upload_name_and_flags_past_codecovs_column_limits_get_its_serializer_errors()
    {
        using var request = CliPost("acme::::long-fields", "upload-coverage", new
        {
            commitid = NewSha(),
            code = "default",
            name = new string('n', 101),
            flags = new[] { "unit", new string('f', 1025) },
        });
        using var response = await fixture.Http.SendAsync(request);

        await AssertAnswerAsync(response, HttpStatusCode.BadRequest, "{\"flags\":{\"1\":[\"Ensure this field has no more than 1024 characters.\"]},\"name\":[\"Ensure this field has no more than 100 characters.\"]}");
    }

    [Fact]
    public async Task Body_that_trickles_in_is_answered_408_and_the_url_stays_usable()
    {
        var (putUrl, sha) = await CreateUploadAsync("trickle");

        var stalled = await StalledPut.SendAsync(new Uri(putUrl));
        Assert.StartsWith("HTTP/1.1 408 ", stalled);
        Assert.Contains("Content-Type: application/problem+json", stalled);

        using (var retried = await fixture.Http.PutAsync(putUrl, new StringContent("SF:a.c\nDA:1,1\nend_of_record\n")))
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var commit = await fixture.WaitForCommitAsync("acme", "trickle", sha);
        Assert.Equal(1, commit.GetProperty("totals").GetProperty("lines").GetInt32());
    }

    private static async Task AssertAnswerAsync(HttpResponseMessage response, HttpStatusCode status, string body)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    private async Task<(string PutUrl, string Sha)> CreateUploadAsync(string repo, string? sha = null)
    {
        sha ??= NewSha();
        using var post = await fixture.Http.PostAsync(
            $"{fixture.BaseUrl}/upload/v4?token={fixture.GlobalToken}&commit={sha}&slug=acme%2F{repo}&branch=main", null);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        return ((await post.Content.ReadAsStringAsync()).Split('\n')[1], sha);
    }

    private HttpRequestMessage CliPost(string slug, string route, object body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{fixture.BaseUrl}/upload/github/{slug}/{route}")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "token " + (token ?? fixture.GlobalToken));
        return request;
    }

    private static string NewSha() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() + "00000000";
}

/// <summary>
/// A PUT that sends a few bytes of its body, then nothing, as a client on a dying link would. Raw bytes on a
/// socket: HttpClient does not hand back an answer that arrives before its request body is sent.
/// </summary>
internal static class StalledPut
{
    /// <summary>The answer's status line and headers, read until the server closes the connection.</summary>
    public static async Task<string> SendAsync(Uri url)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(url.Host, url.Port);
        var stream = client.GetStream();
        var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nSF:a.c\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await reader.ReadToEndAsync(deadline.Token);
    }
}

public sealed class BadInputTestsInEmbeddedMode(EmbeddedGatewayFixture fixture) : BadInputTests(fixture), IClassFixture<EmbeddedGatewayFixture>;

public sealed class BadInputTestsInClusterMode(ClusterGatewayFixture fixture) : BadInputTests(fixture), IClassFixture<ClusterGatewayFixture>;
