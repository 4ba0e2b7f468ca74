using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class UploadFieldRulesTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static UploadBody Upload(string? name = null, IReadOnlyList<string?>? flags = null, string? ciService = null, string? ciUrl = null) =>
        new(ciService, ciUrl, flags, null, name, null, null, null);

    [Fact]
    public void A_usual_commit_and_upload_pass()
    {
        Assert.Empty(UploadFieldRules.CheckCommit(new CommitBody(Sha, "feature/x", Sha, 7)));
        Assert.Empty(UploadFieldRules.CheckUpload(Upload("unit", ["unit", "linux"], "github-actions", "https://ci/1")));
    }

    [Fact]
    public void Fork_branch_label_is_a_branch() =>
        Assert.Empty(UploadFieldRules.CheckCommit(new CommitBody(Sha, "someone:feature/x", null, null)));

    [Fact]
    public void Name_of_101_characters_breaks_codecovs_column_limit() =>
        Assert.Equal(["Ensure this field has no more than 100 characters."], (string[])UploadFieldRules.CheckUpload(Upload(new string('n', 101)))["name"]);

    [Fact]
    public void Ci_service_of_51_characters_breaks_codecovs_column_limit() =>
        Assert.True(UploadFieldRules.CheckUpload(Upload(ciService: new string('c', 51))).ContainsKey("ci_service"));

    [Fact]
    public void A_long_flag_is_reported_under_its_index()
    {
        var flags = (Dictionary<string, string[]>)UploadFieldRules.CheckUpload(Upload(flags: ["ok", new string('f', 1025)]))["flags"];
        Assert.Equal(["1"], flags.Keys);
    }

    [Fact]
    public void Control_characters_in_a_branch_are_refused() =>
        Assert.Equal(["Control characters are not allowed."], (string[])UploadFieldRules.CheckCommit(new CommitBody(Sha, "main\nX-Injected: 1", null, null))["branch"]);

    [Fact]
    public void Whitespace_parent_counts_as_no_parent() =>
        Assert.Empty(UploadFieldRules.CheckCommit(new CommitBody(Sha, null, "  ", null)));
}
