namespace Codecov.Grains.Tests.Keys;

// Expected URLs are Codecov's own formats: api upload/views/upload_coverage.py (uploaders), worker
// services/urls.py (statuses and comments), api services/path.py (API v2 commit_file_url).
public sealed class DashboardUrlsTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly DashboardUrls Urls = new("https://cov.example.com/");
    private static readonly RepositoryKey Widgets = new("github", "acme", "widgets");

    [Fact]
    public void Uploaders_get_the_long_service_name_as_codecovs_upload_answers_write_it() =>
        Assert.Equal($"https://cov.example.com/github/acme/widgets/commit/{Sha}", Urls.UploadedCommit(Widgets.Commit(Sha)));

    [Theory]
    [InlineData("github", "gh")]
    [InlineData("github_enterprise", "ghe")]
    [InlineData("gitlab", "gl")]
    [InlineData("gitlab_enterprise", "gle")]
    [InlineData("bitbucket", "bb")]
    [InlineData("bitbucket_server", "bbs")]
    public void Statuses_and_comments_link_the_short_service_name(string service, string shortName) =>
        Assert.Equal($"https://cov.example.com/{shortName}/acme/widgets/commit/{Sha}", Urls.Commit(new RepositoryKey(service, "acme", "widgets").Commit(Sha)));

    [Fact]
    public void Pull_request_page_and_its_graph_follow_the_repository_page()
    {
        Assert.Equal("https://cov.example.com/gh/acme/widgets/pull/7", Urls.Pull(Widgets, 7));
        Assert.Equal("https://cov.example.com/gh/acme/widgets/pull/7/graphs/tree.svg", Urls.PullGraph(Widgets, 7, "tree.svg"));
    }

    [Fact]
    public void Blob_and_tree_take_a_ref_then_a_path_kept_in_segments()
    {
        Assert.Equal("https://cov.example.com/gh/acme/widgets/blob/main/src/app/main.c", Urls.Blob(Widgets, "main", "src/app/main.c"));
        Assert.Equal("https://cov.example.com/gh/acme/widgets/tree/main/src", Urls.Tree(Widgets, "main", "src"));
    }

    [Fact]
    public void A_branch_with_a_slash_stays_one_segment_of_the_ref() =>
        Assert.Equal("https://cov.example.com/gh/acme/widgets/blob/release%2F1.0/a.c", Urls.Blob(Widgets, "release/1.0", "a.c"));

    [Fact]
    public void Api_commit_file_url_is_blob_for_a_file_and_tree_otherwise()
    {
        var commit = Widgets.Commit(Sha);
        Assert.Equal($"https://cov.example.com/github/acme/widgets/commit/{Sha}/blob/src/a.c", Urls.CommitFile(commit, "src/a.c", isFile: true));
        Assert.Equal($"https://cov.example.com/github/acme/widgets/commit/{Sha}/tree/", Urls.CommitFile(commit, "", isFile: false));
    }

    [Fact]
    public void Sub_group_owners_keep_their_colon()
    {
        var commit = new RepositoryKey("gitlab", "acme:tools", "widgets").Commit(Sha);
        Assert.Equal($"https://cov.example.com/gitlab/acme:tools/widgets/commit/{Sha}", Urls.UploadedCommit(commit));
    }

    [Fact]
    public void Every_url_is_printable_ascii_and_a_markdown_link_cannot_be_cut_short()
    {
        var url = Urls.Blob(Widgets, "feat/ünïcode (draft)", "dir with space/a#b?.c");
        Assert.All(url, c => Assert.InRange(c, '\x21', '\x7E'));
        Assert.DoesNotContain(')', url);
        Assert.Equal("feat/ünïcode (draft)", Uri.UnescapeDataString(url.Split("/blob/")[1].Split('/')[0]));
    }

    [Theory]
    [InlineData("cov.example.com")]
    [InlineData("ftp://cov.example.com")]
    public void Base_must_be_an_absolute_http_url(string baseUrl) =>
        Assert.Throws<ArgumentException>(() => new DashboardUrls(baseUrl));
}
