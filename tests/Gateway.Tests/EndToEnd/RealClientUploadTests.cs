using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>
/// Uploads real tool reports the way each real Codecov client does, to the real processes (embedded and cluster mode),
/// and compares the merged totals with what Codecov's own code computed for the same bytes.
/// </summary>
public abstract class RealClientUploadTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Npm_codecov_3_8_3_upload_is_merged_to_Codecovs_totals()
    {
        var folder = TestPaths.Fixture("cobertura", "more-itertools");
        var codecov = await NpmTools.EnsureAsync("codecov", "3.8.3");
        using var checkout = await GitCheckout.CreateAsync(folder);
        var report = Path.Combine(checkout.Directory, "coverage.xml");
        File.Copy(Path.Combine(folder, "coverage.xml"), report);

        var run = await ProcessRunner.RunAsync("node",
            [Path.Combine(codecov, "bin", "codecov"), "-u", fixture.BaseUrl, "-t", fixture.GlobalToken, "-f", report,
             "-c", checkout.Sha, "-b", "main", "-r", "acme/npm-node", "-X", "gcov"],
            checkout.Directory, TimeSpan.FromMinutes(2));
        Assert.Contains("View report at", run.Output);

        var commit = await fixture.WaitForCommitAsync("acme", "npm-node", checkout.Sha);
        AssertTotals(CodecovTotals.Merged(folder), commit);
    }

    [Fact]
    public async Task Cli_upload_coverage_flow_with_json_envelope_is_merged_to_Codecovs_totals()
    {
        var folder = TestPaths.Fixture("cobertura", "guardclauses");
        var sha = NewSha();
        using var create = new HttpRequestMessage(HttpMethod.Post, $"{fixture.BaseUrl}/upload/github/acme::::cli-replay/upload-coverage")
        {
            Content = JsonBody(new
            {
                branch = "main", ci_service = "github-actions", ci_url = "https://ci.example/run/1", cli_args = new { command = "upload-coverage", version = "cli-11.3.1" },
                code = "default", commitid = sha, env = new { }, file_not_found = false, flags = new[] { "unit" }, job_code = "1",
                name = "unit-tests", parent_commit_id = (string?)null, pullid = (string?)null, report_payload_bytes = 1000, version = "cli-11.3.1",
            }),
        };
        create.Headers.TryAddWithoutValidation("Authorization", "token " + fixture.GlobalToken);
        create.Headers.UserAgent.ParseAdd("codecov-cli/11.3.1");
        using var created = await fixture.Http.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var putUrl = answer.RootElement.GetProperty("raw_upload_location").GetString()!;
        Assert.EndsWith($"/github/acme/cli-replay/commit/{sha}", answer.RootElement.GetProperty("url").GetString());

        var envelope = JsonSerializer.Serialize(new
        {
            report_fixes = new { format = "legacy", value = new { } },
            network_files = File.ReadAllLines(Path.Combine(folder, "network.txt")),
            coverage_files = new[]
            {
                new
                {
                    filename = "/home/runner/work/guardclauses/TestResults/coverage.cobertura.xml",
                    format = "base64+compressed",
                    data = Convert.ToBase64String(Zlib(File.ReadAllBytes(Path.Combine(folder, "coverage.cobertura.xml")))),
                    labels = "",
                },
            },
            metadata = new { },
        });
        // requests.put(data=bytes): no Content-Type, no Content-Encoding (protocol §10.7).
        using var put = new HttpRequestMessage(HttpMethod.Put, putUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope)) };
        using var stored = await fixture.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var commit = await fixture.WaitForCommitAsync("acme", "cli-replay", sha);
        AssertTotals(CodecovTotals.Merged(folder), commit);
    }

    [Fact]
    public async Task Node_uploader_v4_with_gzip_put_is_merged_to_Codecovs_totals()
    {
        var folder = TestPaths.Fixture("lcov", "minimist");
        var sha = NewSha();
        var query = $"package=uploader-0.8.0&token={fixture.GlobalToken}&branch=main&build=&build_url=&commit={sha}" +
                    "&job=&pr=&service=&slug=acme%2Fnode-uploader&name=&tag=&flags=unit&parent=";
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{fixture.BaseUrl}/upload/v4?{query}");
        post.Headers.Add("X-Upload-Token", fixture.GlobalToken);
        post.Headers.Add("X-Reduced-Redundancy", "false");
        post.Headers.UserAgent.ParseAdd("codecov-uploader/0.8.0");
        using var urls = await fixture.Http.SendAsync(post);
        var body = await urls.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, urls.StatusCode);
        Assert.Equal("text/plain", urls.Content.Headers.ContentType?.MediaType);
        var lines = body.Split('\n');
        Assert.Equal(2, lines.Length); // no trailing newline (protocol §10.4)
        Assert.True(Uri.IsWellFormedUriString(lines[0], UriKind.Absolute));

        var payload = new StringBuilder();
        foreach (var file in File.ReadAllLines(Path.Combine(folder, "network.txt"))) payload.Append(file).Append('\n');
        payload.Append("<<<<<< network\n");
        payload.Append("# path=coverage/lcov.info\n").Append(File.ReadAllText(Path.Combine(folder, "lcov.info"))).Append("<<<<<< EOF");
        using var put = new HttpRequestMessage(HttpMethod.Put, lines[1]) { Content = new ByteArrayContent(Gzip(Encoding.UTF8.GetBytes(payload.ToString()))) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        put.Content.Headers.ContentEncoding.Add("gzip");
        using var stored = await fixture.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var commit = await fixture.WaitForCommitAsync("acme", "node-uploader", sha);
        AssertTotals(CodecovTotals.Merged(folder), commit);
    }

    [Fact]
    public async Task Bash_style_v2_upload_survives_a_gateway_restart()
    {
        var folder = TestPaths.Fixture("lcov", "qs");
        var sha = NewSha();
        var payload = "# path=coverage/lcov.info\n" + File.ReadAllText(Path.Combine(folder, "lcov.info")) + "\n<<<<<< EOF\n";
        var network = string.Join('\n', File.ReadAllLines(Path.Combine(folder, "network.txt"))) + "\n<<<<<< network\n";
        using var post = new HttpRequestMessage(HttpMethod.Post,
            $"{fixture.BaseUrl}/upload/v2?package=bash-1.0.6&token={fixture.GlobalToken}&branch=&commit={sha}&build=&build_url=&slug=acme%2Fbash-v2&service=&attempt=woff")
        {
            Content = new ByteArrayContent(Gzip(Encoding.UTF8.GetBytes(network + payload))),
        };
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        post.Content.Headers.ContentEncoding.Add("gzip");
        post.Headers.Add("X-Content-Encoding", "gzip");
        post.Headers.Accept.ParseAdd("text/plain");
        using var response = await fixture.Http.SendAsync(post);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"uploaded\": true", body); // bash greps for it, space included (protocol §3)

        var expected = CodecovTotals.Merged(folder);
        AssertTotals(expected, await fixture.WaitForCommitAsync("acme", "bash-v2", sha));

        await fixture.RestartGatewayAsync();

        AssertTotals(expected, await fixture.WaitForCommitAsync("acme", "bash-v2", sha));
        using var uploads = await fixture.GetJsonAsync($"/api/v2/github/acme/repos/bash-v2/commits/{sha}/uploads/");
        Assert.Single(uploads!.RootElement.GetProperty("results").EnumerateArray());
    }

    private static void AssertTotals(CodecovTotals expected, JsonElement commit)
    {
        var totals = commit.GetProperty("totals");
        Assert.Equal(
            (expected.Files, expected.Lines, expected.Hits, expected.Misses, expected.Partials),
            (totals.GetProperty("files").GetInt32(), totals.GetProperty("lines").GetInt32(), totals.GetProperty("hits").GetInt32(),
             totals.GetProperty("misses").GetInt32(), totals.GetProperty("partials").GetInt32()));
        Assert.Equal(expected.ApiCoverage, totals.GetProperty("coverage").GetDouble(), 6);
    }

    private static string NewSha() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() + "00000000";

    private static StringContent JsonBody(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal)) z.Write(data);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new GZipStream(output, CompressionLevel.Optimal)) z.Write(data);
        return output.ToArray();
    }
}

public sealed class RealClientUploadTestsInEmbeddedMode(EmbeddedGatewayFixture fixture) : RealClientUploadTests(fixture), IClassFixture<EmbeddedGatewayFixture>;

public sealed class RealClientUploadTestsInClusterMode(ClusterGatewayFixture fixture) : RealClientUploadTests(fixture), IClassFixture<ClusterGatewayFixture>;
