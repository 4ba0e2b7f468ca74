using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class LegacyUploadParametersTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static LegacyUploadParameters? Parse(params (string Key, string Value)[] pairs) =>
        LegacyUploadParameters.Parse(pairs
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Value).ToArray()));

    [Fact]
    public void Missing_commit_fails_the_schema() => Assert.Null(Parse(("branch", "main")));

    [Theory]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef0123456")]
    [InlineData("0123456789abcdef0123456789abcdef012345678")]
    public void Commit_that_is_neither_a_sha_nor_an_hg_revision_fails(string commit) => Assert.Null(Parse(("commit", commit)));

    [Theory]
    [InlineData("1:abcdefabcdef/../x")]
    [InlineData("1:abcdefabcdef\\..\\x")]
    public void Commit_pattern_is_anchored_at_both_ends(string commit) => Assert.Null(Parse(("commit", commit)));

    [Fact]
    public void Parent_that_is_not_a_commit_fails() => Assert.Null(Parse(("commit", Sha), ("parent", "../x")));

    [Theory]
    [InlineData("branch", 1025)]
    [InlineData("name", 101)]
    [InlineData("service", 51)]
    [InlineData("job", 1025)]
    [InlineData("build", 1025)]
    [InlineData("flags", 1025)]
    public void Values_past_the_field_limits_fail(string key, int length) =>
        Assert.Null(Parse(("commit", Sha), (key, new string('a', length))));

    [Fact]
    public void Values_at_the_field_limits_pass() =>
        Assert.NotNull(Parse(("commit", Sha), ("branch", new string('a', 1024)), ("name", new string('a', 100)), ("service", new string('a', 50))));

    [Fact]
    public void Commit_is_lower_cased() =>
        Assert.Equal(Sha, Parse(("commit", Sha.ToUpperInvariant()))!.Commit);

    [Fact]
    public void Mercurial_revision_id_is_a_valid_commit() =>
        Assert.Equal("12:abcdefabcdef", Parse(("commit", "12:ABCDEFABCDEF"))!.Commit);

    [Fact]
    public void Empty_values_are_absent_values()
    {
        // Field note 10.5: the Node uploader sends build=&build_url=&job=&pr=&service= locally.
        var parsed = Parse(("commit", Sha), ("build", ""), ("build_url", ""), ("job", ""), ("pr", ""), ("service", ""), ("slug", ""));
        Assert.NotNull(parsed);
        Assert.Null(parsed.Build);
        Assert.Null(parsed.BuildUrl);
        Assert.Null(parsed.PullRequest);
        Assert.Null(parsed.Slug);
    }

    [Fact]
    public void Unknown_and_odd_parameters_are_ignored() =>
        Assert.NotNull(Parse(("commit", Sha), ("attempt", "woff"), ("cmd_args", "-Z"), ("X-weird", "?")));

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("undefined")]
    public void Pull_request_placeholders_mean_no_pull_request(string pr) =>
        Assert.Null(Parse(("commit", Sha), ("pr", pr))!.PullRequest);

    [Fact]
    public void Pull_request_alias_is_read() =>
        Assert.Equal("7", Parse(("commit", Sha), ("pull_request", "7"))!.PullRequest);

    [Fact]
    public void Pull_request_that_is_not_a_number_fails() => Assert.Null(Parse(("commit", Sha), ("pr", "12a")));

    [Theory]
    [InlineData("HEAD", null)]
    [InlineData("origin/feature", "feature")]
    [InlineData("refs/heads/main", "main")]
    [InlineData("release/1.0", "release/1.0")]
    public void Branch_is_normalised_like_codecov(string branch, string? expected) =>
        Assert.Equal(expected, Parse(("commit", Sha), ("branch", branch))!.Branch);

    [Fact]
    public void Comma_joined_flags_are_split() =>
        Assert.Equal(["unit", "linux"], Parse(("commit", Sha), ("flags", "unit,linux"))!.Flags);

    [Fact]
    public void Repeated_flag_keys_all_count() =>
        Assert.Equal(["unit", "linux"], Parse(("commit", Sha), ("flags", "unit"), ("flags", "linux"))!.Flags);

    [Fact]
    public void Flags_with_spaces_fail_the_schema() => Assert.Null(Parse(("commit", Sha), ("flags", "unit tests")));

    [Fact]
    public void Build_url_must_be_http() => Assert.Null(Parse(("commit", Sha), ("build_url", "ftp://ci/1")));

    [Theory]
    [InlineData("null")]
    [InlineData("nil")]
    [InlineData("undefined")]
    [InlineData("none")]
    public void Build_placeholders_mean_no_build(string build) =>
        Assert.Null(Parse(("commit", Sha), ("build", build))!.Build);

    [Fact]
    public void Job_falls_back_to_the_travis_job_id() =>
        Assert.Equal("99", Parse(("commit", Sha), ("travis_job_id", "99"))!.Job);

    [Fact]
    public void Travis_org_service_becomes_travis() =>
        Assert.Equal("travis", Parse(("commit", Sha), ("service", "travis-org"))!.Service);

    [Fact]
    public void Any_ci_service_name_is_accepted() =>
        Assert.Equal("local", Parse(("commit", Sha), ("service", "local"))!.Service);

    [Fact]
    public void Malformed_slug_fails_the_schema() => Assert.Null(Parse(("commit", Sha), ("slug", "no-owner")));
}
