using Codecov.FakeGitHub;
using Codecov.Grains.Notifications;

namespace Codecov.Grains.Tests.Notifications.Flow;

/// <summary>
/// The moment the last upload of a commit is merged, GitHub gets Codecov's statuses and comment —
/// with Codecov's texts (codecov-semantics §4) and each decision on the commit's timeline.
/// Reports: src/a.c with LCOV hits per line; Codecov's totals are hits ÷ (hits + misses).
/// </summary>
[Collection(NotificationClusterCollection.Name)]
public sealed class NotificationFlowTests(NotificationClusterFixture fixture)
{
    // Base: lines 1–2 hit, 3–4 missed → 2/4 = 50%. Head adds line 5 (hit) and covers line 3 → 4/5 = 80%.
    private static readonly (int, int)[] BaseLines = [(1, 1), (2, 1), (3, 0), (4, 0)];
    private static readonly (int, int)[] HeadLines = [(1, 1), (2, 1), (3, 1), (4, 0), (5, 1)];
    private static readonly FakeFileChange AddsLineFive = new("src/a.c", "modified", "@@ -4,1 +4,2 @@\n line 4\n+line 5", Additions: 1);

    [Fact]
    public async Task Upload_on_a_commit_with_a_parent_posts_project_and_patch_with_Codecovs_texts()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);

        await s.UploadAsync(head, baseSha, null, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.Completed);

        var statuses = s.Statuses(head);
        Assert.Equal(("success", $"80.00% (+30.00%) compared to {baseSha[..7]}"), (statuses["codecov/project"].State, statuses["codecov/project"].Description));
        Assert.Equal(("success", "100.00% of diff hit (target 50.00%)"), (statuses["codecov/patch"].State, statuses["codecov/patch"].Description));
        Assert.Equal($"{NotificationClusterFixture.DashboardUrl}/gh/{s.Repository.Owner}/{s.Repository.Name}/commit/{head}", statuses["codecov/project"].TargetUrl);
    }

    [Fact]
    public async Task Statuses_are_posted_with_the_repositorys_stored_token_when_it_has_one()
    {
        var s = new NotificationScenario(fixture);
        var repository = fixture.Grains.GetGrain<Codecov.Grains.Repositories.IRepositoryGrain>(s.Repository.ToString());
        await repository.EnsureCreatedAsync();
        await repository.SetProviderTokenAsync("repo-token");
        var (baseSha, head) = await BaseAndHeadAsync(s);

        await s.UploadAsync(head, baseSha, null, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.Completed);

        var posts = s.GitHub.CallsTo(FakeRoutes.CreateStatus).Where(c => c.Path.Contains(head, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, c => Assert.Equal("Token repo-token", c.Authorization));
    }

    [Fact]
    public async Task Three_uploads_with_after_n_builds_3_post_each_status_once_after_the_third()
    {
        var s = new NotificationScenario(fixture);
        var sha = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, sha);
        s.GitHub.SetFile(s.FullName, sha, "codecov.yml", "codecov:\n  notify:\n    after_n_builds: 3\n");

        await s.UploadAsync(sha, null, null, (1, 1));
        await s.WaitForEventAsync(sha, NotificationEvents.Skipped, 1);
        await s.UploadAsync(sha, null, null, (2, 1));
        var timeline = await s.WaitForEventAsync(sha, NotificationEvents.Skipped, 2);
        Assert.Empty(s.GitHub.Statuses(s.FullName, sha));
        Assert.Contains(timeline, e => e.Message.Contains("2 of 3", StringComparison.Ordinal));

        await s.UploadAsync(sha, null, null, (3, 0));
        await s.WaitForEventAsync(sha, NotificationEvents.Completed);

        Assert.Equal(["codecov/patch", "codecov/project"], s.GitHub.Statuses(s.FullName, sha).Select(x => x.Context).Order());
    }

    [Fact]
    public async Task Pull_request_gets_one_comment_that_a_new_head_updates()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.AddPullRequest(s.FullName, new FakePullRequest(5, head, "feature", baseSha));

        await s.UploadAsync(head, baseSha, 5, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.CommentPosted);
        var first = Assert.Single(s.GitHub.Comments(s.FullName, 5));
        Assert.StartsWith("## [Codecov]", first.Body);
        Assert.Contains("80.00%", first.Body);

        var next = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, next, head);
        s.GitHub.SetDiff(s.FullName, baseSha, next, AddsLineFive);
        s.GitHub.AddPullRequest(s.FullName, new FakePullRequest(5, next, "feature", baseSha, Commits: [head, next]));
        await s.UploadAsync(next, head, 5, (1, 1), (2, 1), (3, 1), (4, 1), (5, 1));
        await s.WaitForEventAsync(next, NotificationEvents.CommentUpdated);

        var updated = Assert.Single(s.GitHub.Comments(s.FullName, 5));
        Assert.Equal(first.Id, updated.Id);
        Assert.Contains("100.00%", updated.Body);
    }

    [Fact]
    public async Task Pull_request_base_is_the_first_parent_outside_the_pull_request()
    {
        var s = new NotificationScenario(fixture);
        var (branchPoint, head) = await BaseAndHeadAsync(s);
        // GitHub's base sha has moved on (main got a newer commit); Codecov compares with the branch point.
        var movedBase = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, movedBase, branchPoint);
        s.GitHub.AddPullRequest(s.FullName, new FakePullRequest(11, head, "feature", movedBase, Commits: [head]));

        await s.UploadAsync(head, branchPoint, 11, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.Completed);

        Assert.Equal($"80.00% (+30.00%) compared to {branchPoint[..7]}", s.Statuses(head)["codecov/project"].Description);
    }

    [Fact]
    public async Task Comment_behavior_new_deletes_the_old_comment_and_posts_again()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.AddPullRequest(s.FullName, new FakePullRequest(8, head, "feature", baseSha));
        await s.UploadAsync(head, baseSha, 8, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.CommentPosted);
        var first = Assert.Single(s.GitHub.Comments(s.FullName, 8));

        var next = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, next, head);
        s.GitHub.SetFile(s.FullName, next, "codecov.yml", "comment:\n  behavior: new\n");
        s.GitHub.SetDiff(s.FullName, baseSha, next, AddsLineFive);
        s.GitHub.AddPullRequest(s.FullName, new FakePullRequest(8, next, "feature", baseSha, Commits: [head, next]));
        await s.UploadAsync(next, head, 8, HeadLines);
        await s.WaitForEventAsync(next, NotificationEvents.CommentPosted);

        var replacement = Assert.Single(s.GitHub.Comments(s.FullName, 8));
        Assert.NotEqual(first.Id, replacement.Id);
        Assert.Single(s.GitHub.CallsTo(FakeRoutes.DeleteComment));
    }

    [Fact]
    public async Task Pending_CI_holds_statuses_until_CI_passes_then_posts_once()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.SetCiStatus(s.FullName, head, "ci/build", "pending");

        await s.UploadAsync(head, baseSha, null, HeadLines);
        var timeline = await s.WaitForEventAsync(head, NotificationEvents.Waiting);
        Assert.Contains(timeline, e => e.Message.Contains("ci/build", StringComparison.Ordinal));
        Assert.DoesNotContain(s.GitHub.Statuses(s.FullName, head), x => x.Context.StartsWith("codecov", StringComparison.Ordinal));

        s.GitHub.SetCiStatus(s.FullName, head, "ci/build", "success");
        await s.Commit(head).CiChangedAsync();
        await s.WaitForEventAsync(head, NotificationEvents.Completed);

        var posted = s.GitHub.Statuses(s.FullName, head).Where(x => x.Context.StartsWith("codecov", StringComparison.Ordinal)).ToList();
        Assert.Equal(["codecov/patch", "codecov/project"], posted.Select(x => x.Context).Order());
    }

    [Fact]
    public async Task Failed_CI_with_require_ci_to_pass_sets_existing_codecov_statuses_to_error()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.SetCiStatus(s.FullName, head, "ci/build", "failure");
        s.GitHub.SetCiStatus(s.FullName, head, "codecov/project", "success", "an earlier run");

        await s.UploadAsync(head, baseSha, null, HeadLines);
        await s.WaitForEventAsync(head, NotificationEvents.Skipped);

        var statuses = s.Statuses(head);
        Assert.Equal(("error", "CI failed."), (statuses["codecov/project"].State, statuses["codecov/project"].Description));
        Assert.False(statuses.ContainsKey("codecov/patch"));
    }

    [Fact]
    public async Task Provider_errors_are_retried_and_each_status_is_posted_once()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.FailNext(FakeRoutes.CreateStatus, 502, times: 2);

        await s.UploadAsync(head, baseSha, null, HeadLines);
        var timeline = await s.WaitForEventAsync(head, NotificationEvents.Completed);

        Assert.Contains(timeline, e => e.Event == NotificationEvents.Retrying);
        Assert.Equal(["codecov/patch", "codecov/project"], s.GitHub.Statuses(s.FullName, head).Select(x => x.Context).Order());
    }

    [Fact]
    public async Task Provider_timeouts_are_retried_and_each_status_is_posted_once()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.DelayNext(FakeRoutes.CreateStatus, TimeSpan.FromSeconds(3), times: 2);

        await s.UploadAsync(head, baseSha, null, HeadLines);
        var timeline = await s.WaitForEventAsync(head, NotificationEvents.Completed);

        Assert.Contains(timeline, e => e.Event == NotificationEvents.Retrying);
        Assert.Equal(["codecov/patch", "codecov/project"], s.GitHub.Statuses(s.FullName, head).Select(x => x.Context).Order());
    }

    [Fact]
    public async Task Invalid_codecov_yml_is_recorded_on_the_timeline_and_defaults_are_used()
    {
        var s = new NotificationScenario(fixture);
        var (baseSha, head) = await BaseAndHeadAsync(s);
        s.GitHub.SetFile(s.FullName, head, "codecov.yml", "coverage:\n  precision: banana\n");

        await s.UploadAsync(head, baseSha, null, HeadLines);
        var timeline = await s.WaitForEventAsync(head, NotificationEvents.Completed);

        var problem = Assert.Single(timeline, e => e.Event == NotificationEvents.YamlInvalid);
        Assert.Contains("coverage.precision", problem.Message);
        Assert.Equal($"80.00% (+30.00%) compared to {baseSha[..7]}", s.Statuses(head)["codecov/project"].Description);
    }

    /// <summary>A base commit with its report merged and notified, and a head commit on top of it with the diff adding line 5.</summary>
    private static async Task<(string Base, string Head)> BaseAndHeadAsync(NotificationScenario s)
    {
        var baseSha = NotificationScenario.Sha();
        var head = NotificationScenario.Sha();
        s.GitHub.AddCommit(s.FullName, baseSha);
        s.GitHub.AddCommit(s.FullName, head, baseSha);
        s.GitHub.SetDiff(s.FullName, baseSha, head, AddsLineFive);
        await s.UploadAsync(baseSha, null, null, BaseLines);
        await s.WaitForEventAsync(baseSha, NotificationEvents.Completed);
        return (baseSha, head);
    }
}
