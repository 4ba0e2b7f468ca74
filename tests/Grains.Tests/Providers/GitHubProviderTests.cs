using Codecov.FakeGitHub;
using Codecov.Grains.Providers;

namespace Codecov.Grains.Tests.Providers;

/// <summary>Every <see cref="IGitProvider"/> call through real Octokit against the loopback GitHub.</summary>
public sealed class GitHubProviderTests(FakeGitHubFixture fixture) : IClassFixture<FakeGitHubFixture>
{
    private const string Head = "1111111111111111111111111111111111111111";
    private const string Parent = "2222222222222222222222222222222222222222";

    private FakeGitHubServer Fake => fixture.Server;

    [Fact]
    public async Task A_commit_comes_back_with_parents_message_author_and_time()
    {
        var repo = FakeGitHubFixture.NewRepository();
        var time = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Fake.AddCommit(repo.FullName, new FakeCommit(Head, [Parent, "3333"], "Fix the thing", "alice", "Alice A.", time));

        var commit = await fixture.Provider().GetCommitAsync(repo, Head);

        Assert.NotNull(commit);
        Assert.Equal((Head, "Fix the thing", "alice", "Alice A.", time), (commit.Sha, commit.Message, commit.AuthorLogin, commit.AuthorName, commit.Timestamp));
        Assert.Equal([Parent, "3333"], commit.ParentShas);
    }

    [Fact]
    public async Task An_unknown_sha_is_no_commit_although_GitHub_answers_422()
    {
        var repo = FakeGitHubFixture.NewRepository();

        Assert.Null(await fixture.Provider().GetCommitAsync(repo, Head));
        Assert.Single(Fake.CallsTo(FakeRoutes.Commit), c => c.Path.Contains(repo.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GitHub_Enterprise_url_with_a_path_is_served_under_api_v3_with_the_bot_token()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Head, Parent);

        var commit = await fixture.Provider(configure: o => o.ApiUrl = new Uri(Fake.Url, "ghe/").ToString()).GetCommitAsync(repo, Head);

        Assert.Equal(Head, commit?.Sha);
        var call = Assert.Single(Fake.Calls, c => c.Path.Contains(repo.Name, StringComparison.Ordinal));
        Assert.Equal($"/api/v3/repos/{repo.FullName}/commits/{Head}", call.Path);
        Assert.Equal("Token bot-token", call.Authorization);
    }

    [Fact]
    public async Task A_repository_token_overrides_the_bot_token()
    {
        var repo = FakeGitHubFixture.NewRepository(token: "repo-token");
        Fake.AddCommit(repo.FullName, Head);

        await fixture.Provider().GetCommitAsync(repo, Head);

        Assert.Equal("Token repo-token", Assert.Single(Fake.Calls, c => c.Path.Contains(repo.Name, StringComparison.Ordinal)).Authorization);
    }

    [Fact]
    public async Task A_file_is_read_as_text_and_a_missing_file_is_null()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetFile(repo.FullName, Head, "src/a b.txt", "héllo\nworld\n");

        var provider = fixture.Provider();

        Assert.Equal("héllo\nworld\n", await provider.GetFileAsync(repo, Head, "src/a b.txt"));
        Assert.Null(await provider.GetFileAsync(repo, Head, "src/missing.txt"));
    }

    [Fact]
    public async Task The_root_codecov_yml_is_found_first_in_listing_order()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetFile(repo.FullName, Head, "codecov.yml", "root: plain");
        Fake.SetFile(repo.FullName, Head, ".codecov.yml", "root: dotted");
        Fake.SetFile(repo.FullName, Head, ".github/codecov.yml", "in: github");

        var yaml = await fixture.Provider().FindCodecovYamlAsync(repo, Head);

        // GitHub lists ".codecov.yml" before "codecov.yml"; Codecov takes the first listed match.
        Assert.Equal(new CodecovYamlFile(".codecov.yml", "root: dotted"), yaml);
    }

    [Fact]
    public async Task Without_a_root_codecov_yml_the_dev_folder_is_searched_before_github()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetFile(repo.FullName, Head, "README.md", "# readme");
        Fake.SetFile(repo.FullName, Head, ".github/codecov.yaml", "in: github");
        Fake.SetFile(repo.FullName, Head, "dev/.codecov.yaml", "in: dev");

        var yaml = await fixture.Provider().FindCodecovYamlAsync(repo, Head);

        Assert.Equal(new CodecovYamlFile("dev/.codecov.yaml", "in: dev"), yaml);
    }

    [Fact]
    public async Task A_codecov_yml_in_dot_github_is_found_and_elsewhere_is_not()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetFile(repo.FullName, Head, ".github/codecov.yml", "in: github");
        Fake.SetFile(repo.FullName, "abcd", "config/codecov.yml", "ignored: true");

        var provider = fixture.Provider();

        Assert.Equal(".github/codecov.yml", (await provider.FindCodecovYamlAsync(repo, Head))?.Path);
        Assert.Null(await provider.FindCodecovYamlAsync(repo, "abcd"));
        Assert.Null(await provider.FindCodecovYamlAsync(repo, "unknown-sha"));
    }

    [Fact]
    public async Task A_pull_request_maps_state_title_head_and_base()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(7, Head, "feature/x", Parent, Title: "Add x", HeadRepository: "fork/widgets"));
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(8, Head, "b", Parent, State: "closed", Merged: true));
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(9, Head, "c", Parent, State: "closed"));
        var provider = fixture.Provider();

        var pull = await provider.GetPullRequestAsync(repo, 7);

        Assert.Equal(new GitPullRequest(7, PullRequestState.Open, "Add x",
            new PullRequestRef(Head, "feature/x", "fork/widgets"), new PullRequestRef(Parent, "main", repo.FullName)), pull);
        Assert.Equal(PullRequestState.Merged, (await provider.GetPullRequestAsync(repo, 8))?.State);
        Assert.Equal(PullRequestState.Closed, (await provider.GetPullRequestAsync(repo, 9))?.State);
        Assert.Null(await provider.GetPullRequestAsync(repo, 10));
    }

    [Fact]
    public async Task Pull_requests_are_found_by_commit_and_the_open_one_by_branch()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(3, Head, "feature/y", Parent, Commits: ["aaaa", Head]));
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(4, "bbbb", "feature/y", Parent, State: "closed"));
        var provider = fixture.Provider();

        var forCommit = await provider.FindPullRequestsForCommitAsync(repo, "aaaa");
        var forBranch = await provider.FindOpenPullRequestForBranchAsync(repo, "feature/y");

        Assert.Equal([3], forCommit.Select(p => p.Number));
        Assert.Equal(3, forBranch?.Number);
        Assert.Contains(Fake.CallsTo(FakeRoutes.PullRequests), c => c.Query.Contains("head=acme%3Afeature%2Fy", StringComparison.OrdinalIgnoreCase)
            || c.Query.Contains("head=acme:feature/y", StringComparison.Ordinal));
        Assert.Null(await provider.FindOpenPullRequestForBranchAsync(repo, "no-such-branch"));
        Assert.Empty(await provider.FindPullRequestsForCommitAsync(repo, "cccc"));
    }

    [Fact]
    public async Task Pull_request_commits_come_oldest_first_with_their_parents()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, "aaaa", Parent);
        Fake.AddCommit(repo.FullName, Head, "aaaa");
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(5, Head, "f", Parent, Commits: ["aaaa", Head]));

        var commits = await fixture.Provider().ListPullRequestCommitsAsync(repo, 5);

        Assert.Equal(["aaaa", Head], commits.Select(c => c.Sha));
        Assert.Equal([Parent], commits[0].ParentShas);
        Assert.Equal(["aaaa"], commits[1].ParentShas);
    }

    [Fact]
    public async Task The_diff_comes_from_the_compare_patches()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetDiff(repo.FullName, Parent, Head,
            new FakeFileChange("src/a.py", "modified", "@@ -1,2 +1,3 @@\n x\n+y\n z", Additions: 1),
            new FakeFileChange("src/new.py", "added", "@@ -0,0 +1,2 @@\n+a\n+b", Additions: 2),
            new FakeFileChange("src/old.py", "removed", "@@ -1 +0,0 @@\n-a", Deletions: 1),
            new FakeFileChange("src/moved.py", "renamed", null, PreviousFilename: "src/was.py"),
            new FakeFileChange("logo.png", "modified", null));

        var diff = await fixture.Provider().GetDiffAsync(repo, Parent, Head);

        Assert.Equal(
            [("src/a.py", DiffFileKind.Modified), ("src/new.py", DiffFileKind.New), ("src/old.py", DiffFileKind.Deleted),
             ("src/moved.py", DiffFileKind.Renamed), ("logo.png", DiffFileKind.Binary)],
            diff.Files.Select(f => (f.Path, f.Kind)));
        Assert.Equal("src/was.py", diff.Find("src/moved.py")?.OldPath);
        Assert.Equal([2], diff.Files[0].Segments.Single().AddedHeadLines());
        Assert.Equal([1, 2], diff.Files[1].Segments.Single().AddedHeadLines());
    }

    [Fact]
    public async Task Ci_state_joins_statuses_and_check_runs_without_codecov_contexts()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.SetCiStatus(repo.FullName, Head, "ci/build", "pending");
        Fake.SetCiStatus(repo.FullName, Head, "ci/build", "success");
        Fake.SetCiStatus(repo.FullName, Head, "codecov/project", "failure");
        Fake.AddCheckRun(repo.FullName, Head, "lint", "completed", "neutral");
        Fake.AddCheckRun(repo.FullName, Head, "tests", "in_progress");
        var provider = fixture.Provider();

        var ci = await provider.GetCiStateAsync(repo, Head);

        Assert.Equal(
            [new CiCheck("ci/build", CiSource.Status, CommitStatusState.Success),
             new CiCheck("lint", CiSource.CheckRun, CommitStatusState.Success),
             new CiCheck("tests", CiSource.CheckRun, CommitStatusState.Pending)],
            ci.Checks);
        Assert.Equal(CommitStatusState.Pending, ci.Overall);

        Fake.AddCheckRun(repo.FullName, Parent, "tests", "completed", "timed_out");
        Assert.Equal(CommitStatusState.Failure, (await provider.GetCiStateAsync(repo, Parent)).Overall);
    }

    [Fact]
    public async Task A_status_is_posted_with_its_description_cut_to_140_characters()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Head);
        var description = "85.00% (+1.20%) compared to abc1234 " + new string('x', 200);

        var posted = await fixture.Provider().SetCommitStatusAsync(repo, Head, "codecov/project", CommitStatusState.Success,
            description, "https://codecov.example/gh/acme/widgets");

        var status = Assert.Single(Fake.Statuses(repo.FullName, Head));
        Assert.Equal("codecov/project", status.Context);
        Assert.Equal("success", status.State);
        Assert.Equal(StatusDescription.Truncate(description), status.Description);
        Assert.Equal(140, status.Description!.Length);
        Assert.Equal("https://codecov.example/gh/acme/widgets", status.TargetUrl);
        Assert.Equal(new GitCommitStatus("codecov/project", CommitStatusState.Success, status.Description, status.TargetUrl), posted);
    }

    [Fact]
    public async Task Listing_statuses_gives_the_newest_per_context()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Head);
        var provider = fixture.Provider();
        await provider.SetCommitStatusAsync(repo, Head, "codecov/patch", CommitStatusState.Pending, "waiting", null);
        await provider.SetCommitStatusAsync(repo, Head, "codecov/patch", CommitStatusState.Failure, "50.00% of diff hit (target 80.00%)", null);
        await provider.SetCommitStatusAsync(repo, Head, "codecov/project", CommitStatusState.Success, "85.00%", null);

        var statuses = await provider.ListCommitStatusesAsync(repo, Head);

        Assert.Equal(
            [new GitCommitStatus("codecov/project", CommitStatusState.Success, "85.00%", null),
             new GitCommitStatus("codecov/patch", CommitStatusState.Failure, "50.00% of diff hit (target 80.00%)", null)],
            statuses);
    }

    [Fact]
    public async Task Comments_are_created_read_updated_and_deleted_with_64_bit_ids()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(12, Head, "f", Parent));
        var provider = fixture.Provider();

        var created = await provider.CreateCommentAsync(repo, 12, "## Codecov Report");
        var updated = await provider.UpdateCommentAsync(repo, created.Id, "## Codecov Report v2");
        var read = await provider.GetCommentAsync(repo, created.Id);

        Assert.True(created.Id > int.MaxValue);
        Assert.Equal(new GitComment(created.Id, "## Codecov Report v2"), updated);
        Assert.Equal(updated, read);
        Assert.Equal(["## Codecov Report v2"], Fake.Comments(repo.FullName, 12).Select(c => c.Body));

        Assert.True(await provider.DeleteCommentAsync(repo, created.Id));
        Assert.Empty(Fake.Comments(repo.FullName, 12));
        Assert.Null(await provider.GetCommentAsync(repo, created.Id));
        Assert.False(await provider.DeleteCommentAsync(repo, created.Id));
    }
}
