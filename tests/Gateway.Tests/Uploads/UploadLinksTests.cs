using Codecov.Gateway.Uploads;
using Codecov.Grains;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class UploadLinksTests
{
    private static readonly CommitKey Commit =
        new RepositoryKey("gitlab", "acme:tools", "widgets").Commit("0123456789abcdef0123456789abcdef01234567");

    [Fact]
    public void Dashboard_url_follows_codecovs_commit_page_layout() =>
        Assert.Equal(
            "https://cov.example.com/gitlab/acme:tools/widgets/commit/0123456789abcdef0123456789abcdef01234567",
            new UploadLinks(new DashboardUrls("https://cov.example.com/")).Dashboard(Commit));

    [Fact]
    public void Put_url_is_absolute_printable_ascii_under_the_put_prefix()
    {
        var url = new UploadLinks(new DashboardUrls("http://127.0.0.1:5000")).Put(Commit.Upload("u-1"), new UploadSignature(1767322445, "abcd"));
        Assert.Equal(
            "http://127.0.0.1:5000/upload/put/gitlab/acme%3Atools/widgets/0123456789abcdef0123456789abcdef01234567/u-1?expires=1767322445&signature=abcd",
            url);
        Assert.All(url, c => Assert.InRange(c, '\x21', '\x7E'));
    }

    [Fact]
    public void Put_path_decodes_back_to_the_signed_upload_key()
    {
        var upload = Commit.Upload("u-1");
        var url = new Uri(new UploadLinks(new DashboardUrls("http://h")).Put(upload, new UploadSignature(1, "s")));
        var path = Uri.UnescapeDataString(url.AbsolutePath[UploadLinks.PutPrefix.Length..]);
        Assert.Equal(upload, UploadKey.Parse(path));
    }
}
