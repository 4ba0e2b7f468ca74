using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Codecov.Gateway.Tests.EndToEnd;

namespace Codecov.Gateway.Tests.Api;

/// <summary>
/// API v2 over a real embedded gateway with real uploads of a fixture (cJSON's lcov report, 27 files
/// with branches and partials): field names, pagination and errors as Codecov's serializers write
/// them (codecov-api api/public/v2), numbers as Codecov's own code computed for the fixture.
/// </summary>
public sealed class ApiV2Tests(EmbeddedGatewayFixture fixture) : IClassFixture<EmbeddedGatewayFixture>
{
    private static readonly string Folder = TestPaths.Fixture("lcov", "cjson");

    private static readonly string[] CommitTotalsFields =
        ["files", "lines", "hits", "misses", "partials", "coverage", "branches", "methods", "sessions", "complexity", "complexity_total", "complexity_ratio", "diff"];

    private static readonly string[] ReportTotalsFields =
        ["files", "lines", "hits", "misses", "partials", "coverage", "branches", "methods", "messages", "sessions", "complexity", "complexity_total", "complexity_ratio", "diff"];

    [Fact]
    public async Task Repository_list_pages_as_codecov_and_shows_the_default_branch_totals()
    {
        var owner = Unique("owner");
        await UploadAsync(owner, "alpha", NewSha(), "main");
        await UploadAsync(owner, "beta", NewSha(), "main");

        using var first = await GetAsync($"/api/v2/github/{owner}/repos/?page_size=1");
        using var second = await GetAsync($"/api/v2/github/{owner}/repos/?page_size=1&page=2");

        var page = first.RootElement;
        Assert.Equal(["count", "next", "previous", "results", "total_pages"], Names(page));
        Assert.Equal((2, 2), (page.GetProperty("count").GetInt32(), page.GetProperty("total_pages").GetInt32()));
        Assert.EndsWith($"/api/v2/github/{owner}/repos/?page_size=1&page=2", page.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        Assert.EndsWith($"/api/v2/github/{owner}/repos/?page_size=1", second.RootElement.GetProperty("previous").GetString());
        var repo = page.GetProperty("results")[0];
        Assert.Equal(["name", "private", "updatestamp", "author", "language", "branch", "active", "activated", "totals"], Names(repo));
        Assert.Equal(("alpha", true, "main", true), (repo.GetProperty("name").GetString(), repo.GetProperty("private").GetBoolean(),
            repo.GetProperty("branch").GetString(), repo.GetProperty("active").GetBoolean()));
        Assert.Equal(["service", "username", "name"], Names(repo.GetProperty("author")));
        Assert.Equal(CommitTotalsFields, Names(repo.GetProperty("totals")));
        AssertCodecovTotals(repo.GetProperty("totals"));

        using var named = await GetAsync($"/api/v2/github/{owner}/repos/?names=beta&names=gamma");
        Assert.Equal(["beta"], named.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        using var detail = await GetAsync($"/api/v2/github/{owner}/repos/beta/");
        Assert.Equal("beta", detail.RootElement.GetProperty("name").GetString());
        using var owners = await GetAsync("/api/v2/github/?page_size=100");
        Assert.Contains(owner, owners.RootElement.GetProperty("results").EnumerateArray().Select(o => o.GetProperty("username").GetString()));
    }

    [Fact]
    public async Task Totals_and_report_by_branch_match_codecovs_numbers_and_filter_by_path()
    {
        var owner = Unique("report");
        var sha = NewSha();
        await UploadAsync(owner, "c", sha, "develop");

        using var totals = await GetAsync($"/api/v2/github/{owner}/repos/c/totals/?branch=develop");
        using var report = await GetAsync($"/api/v2/github/{owner}/repos/c/report/?sha={sha}");
        using var tests = await GetAsync($"/api/v2/github/{owner}/repos/c/report/?sha={sha}&path=tests/");

        Assert.Equal(["totals", "files", "commit_file_url"], Names(totals.RootElement));
        Assert.Equal(ReportTotalsFields, Names(totals.RootElement.GetProperty("totals")));
        AssertCodecovTotals(totals.RootElement.GetProperty("totals"));
        Assert.Equal(["name", "totals"], Names(totals.RootElement.GetProperty("files")[0]));
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(27, files.Count);
        Assert.Equal(["name", "totals", "line_coverage"], Names(files[0]));
        // Every coverable line is listed once as [number, 0 hit | 1 miss | 2 partial].
        var states = files.SelectMany(f => f.GetProperty("line_coverage").EnumerateArray().Select(l => l[1].GetInt32())).ToList();
        Assert.Equal((3545, 792, 704), (states.Count(s => s == 0), states.Count(s => s == 1), states.Count(s => s == 2)));
        var testFiles = tests.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(testFiles);
        Assert.All(testFiles, name => Assert.StartsWith("tests/", name));
        Assert.Equal(testFiles.Count, tests.RootElement.GetProperty("totals").GetProperty("files").GetInt32());

        var missing = await fixture.Http.SendAsync(Request($"/api/v2/github/{owner}/repos/c/report/?sha={sha}&path=nowhere/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"detail":"No files or directories found matching path: nowhere/"}""", await missing.Content.ReadAsStringAsync());
        var noBranch = await fixture.Http.SendAsync(Request($"/api/v2/github/{owner}/repos/c/totals/"));
        Assert.Equal("""{"detail":"The branch 'main' in not in our records. Please provide a valid branch name."}""", await noBranch.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Branches_commits_tree_and_file_report_read_the_same_commit()
    {
        var owner = Unique("lists");
        var sha = NewSha();
        await UploadAsync(owner, "c", sha, "feature/x");

        using var branches = await GetAsync($"/api/v2/github/{owner}/repos/c/branches/");
        using var branch = await GetAsync($"/api/v2/github/{owner}/repos/c/branches/feature/x/");
        using var commits = await GetAsync($"/api/v2/github/{owner}/repos/c/commits/?branch=feature/x");
        using var tree = await GetAsync($"/api/v2/github/{owner}/repos/c/report/tree?sha={sha}&depth=2");
        using var file = await GetAsync($"/api/v2/github/{owner}/repos/c/file_report/cJSON.c?sha={sha}");

        var listed = Assert.Single(branches.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(["name", "updatestamp"], Names(listed));
        Assert.Equal(["name", "updatestamp", "head_commit"], Names(branch.RootElement));
        Assert.Equal(sha, branch.RootElement.GetProperty("head_commit").GetProperty("commitid").GetString());
        var commit = Assert.Single(commits.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(["commitid", "message", "timestamp", "ci_passed", "author", "branch", "totals", "state", "parent"], Names(commit));
        Assert.Equal(("feature/x", "complete"), (commit.GetProperty("branch").GetString(), commit.GetProperty("state").GetString()));
        var top = tree.RootElement.EnumerateArray().ToList();
        Assert.Equal(["name", "full_path", "coverage", "lines", "hits", "partials", "misses", "children"], Names(top[0]));
        Assert.Equal(5041, top.Sum(n => n.GetProperty("lines").GetInt32()));
        Assert.Equal(["name", "totals", "line_coverage", "commit_sha", "commit_file_url"], Names(file.RootElement));
        Assert.Equal(sha, file.RootElement.GetProperty("commit_sha").GetString());
        Assert.EndsWith($"/github/{owner}/c/commit/{sha}/blob/cJSON.c", file.RootElement.GetProperty("commit_file_url").GetString());
    }

    [Fact]
    public async Task Coverage_trend_needs_an_interval_and_flags_carry_their_coverage()
    {
        var owner = Unique("trend");
        await UploadAsync(owner, "c", NewSha(), "main");

        var noInterval = await fixture.Http.SendAsync(Request($"/api/v2/github/{owner}/repos/c/coverage/"));
        using var daily = await GetAsync($"/api/v2/github/{owner}/repos/c/coverage/?interval=1d");
        using var flags = await GetAsync($"/api/v2/github/{owner}/repos/c/flags/");
        using var flagTrend = await GetAsync($"/api/v2/github/{owner}/repos/c/flags/unit/coverage/?interval=7d");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noInterval.StatusCode);
        Assert.Equal("""{"detail":"You must specify an interval (1d/7d/30d)"}""", await noInterval.Content.ReadAsStringAsync());
        var day = Assert.Single(daily.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(["timestamp", "min", "max", "avg"], Names(day));
        Assert.Equal(70.32335, day.GetProperty("avg").GetDouble(), 5);
        var flag = Assert.Single(flags.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(("unit", 70.32335), (flag.GetProperty("flag_name").GetString(), flag.GetProperty("coverage").GetDouble()));
        Assert.Equal(70.32335, Assert.Single(flagTrend.RootElement.GetProperty("results").EnumerateArray()).GetProperty("max").GetDouble(), 5);
    }

    [Fact]
    public async Task Compare_of_two_commits_has_codecovs_fields_and_both_sides_totals()
    {
        var owner = Unique("compare");
        var (first, second) = (NewSha(), NewSha());
        await UploadAsync(owner, "c", first, "main");
        await UploadAsync(owner, "c", second, "main");

        using var compare = await GetAsync($"/api/v2/github/{owner}/repos/c/compare/?base={first}&head={second}");
        using var flags = await GetAsync($"/api/v2/github/{owner}/repos/c/compare/flags?base={first}&head=main");
        using var impacted = await GetAsync($"/api/v2/github/{owner}/repos/c/compare/impacted_files?base={first}&head={second}");
        var noHead = await fixture.Http.SendAsync(Request($"/api/v2/github/{owner}/repos/c/compare/?base={first}"));
        var unknown = await fixture.Http.SendAsync(Request($"/api/v2/github/{owner}/repos/c/compare/?base=nope&head={second}"));

        var root = compare.RootElement;
        Assert.Equal(["base_commit", "head_commit", "totals", "commit_uploads", "diff", "files", "untracked", "has_unmerged_base_commits"], Names(root));
        Assert.Equal((first, second), (root.GetProperty("base_commit").GetString(), root.GetProperty("head_commit").GetString()));
        Assert.Equal(["base", "head", "patch"], Names(root.GetProperty("totals")));
        AssertCodecovTotals(root.GetProperty("totals").GetProperty("base"));
        AssertCodecovTotals(root.GetProperty("totals").GetProperty("head"));
        var file = root.GetProperty("files")[0];
        Assert.Equal(["name", "totals", "has_diff", "stats", "change_summary", "lines"], Names(file));
        Assert.Equal(27, root.GetProperty("files").GetArrayLength());
        var flag = Assert.Single(flags.RootElement.EnumerateArray());
        Assert.Equal(["name", "base_report_totals", "head_report_totals", "diff_totals"], Names(flag));
        Assert.Equal("processed", impacted.RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noHead.StatusCode);
        Assert.Equal("""{"head":["This field is required."]}""", await noHead.Content.ReadAsStringAsync());
        Assert.Equal("""{"detail":"Commit or branch 'nope' not found!"}""", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_private_repository_is_not_found_without_the_admin_token()
    {
        var owner = Unique("private");
        await UploadAsync(owner, "c", NewSha(), "main");

        var anonymous = await fixture.Http.GetAsync($"{fixture.BaseUrl}/api/v2/github/{owner}/repos/c/totals/");
        var list = await fixture.Http.GetAsync($"{fixture.BaseUrl}/api/v2/github/{owner}/repos/");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal("""{"detail":"Not found."}""", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(0, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_v2_routes()
    {
        using var document = JsonDocument.Parse(await fixture.Http.GetStringAsync($"{fixture.BaseUrl}/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        // The document writes routes without their optional trailing slash.
        Assert.Contains("/api/v2/{service}/{owner}/repos", paths);
        Assert.Contains("/api/v2/{service}/{owner}/repos/{repo}/report", paths);
        Assert.Contains("/api/v2/{service}/{owner}/repos/{repo}/coverage", paths);
        Assert.Contains("/api/v2/{service}/{owner}/repos/{repo}/compare/impacted_files", paths);
    }

    private static void AssertCodecovTotals(JsonElement totals)
    {
        var expected = CodecovTotals.Merged(Folder);
        Assert.Equal((expected.Files, expected.Lines, expected.Hits, expected.Misses, expected.Partials, expected.ApiCoverage),
            (totals.GetProperty("files").GetInt32(), totals.GetProperty("lines").GetInt32(), totals.GetProperty("hits").GetInt32(),
             totals.GetProperty("misses").GetInt32(), totals.GetProperty("partials").GetInt32(), totals.GetProperty("coverage").GetDouble()));
    }

    /// <summary>The bash uploader's v2 request with the fixture's network list and report, flag <c>unit</c>.</summary>
    private async Task UploadAsync(string owner, string repo, string sha, string branch)
    {
        var network = string.Join('\n', File.ReadAllLines(Path.Combine(Folder, "network.txt"))) + "\n<<<<<< network\n";
        var payload = network + "# path=lcov.info\n" + File.ReadAllText(Path.Combine(Folder, "lcov.info")) + "\n<<<<<< EOF\n";
        var query = $"package=bash-1.0.6&token={fixture.GlobalToken}&branch={Uri.EscapeDataString(branch)}&commit={sha}&slug={owner}%2F{repo}&flags=unit";
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{fixture.BaseUrl}/upload/v2?{query}") { Content = new ByteArrayContent(Gzip(payload)) };
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        post.Content.Headers.ContentEncoding.Add("gzip");
        using var response = await fixture.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fixture.WaitForCommitAsync(owner, repo, sha);
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        using var response = await fixture.Http.SendAsync(Request(path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private HttpRequestMessage Request(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, fixture.BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AdminToken);
        return request;
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static string NewSha() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() + "00000000";

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest)) zip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }
}
