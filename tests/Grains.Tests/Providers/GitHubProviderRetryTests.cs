using System.Net;
using Codecov.FakeGitHub;
using Codecov.Grains.Providers;

namespace Codecov.Grains.Tests.Providers;

/// <summary>Rate limits, 5xx and timeouts are retried with the waits GitHub asks for; other 4xx are not.</summary>
public sealed class GitHubProviderRetryTests(FakeGitHubFixture fixture) : IClassFixture<FakeGitHubFixture>
{
    private const string Sha = "9999999999999999999999999999999999999999";

    private FakeGitHubServer Fake => fixture.Server;

    private IReadOnlyList<RecordedCall> CallsFor(GitRepository repo) =>
        Fake.Calls.Where(c => c.Path.Contains($"/{repo.Name}/", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Two_server_errors_then_success_give_one_result_after_growing_backoff()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.FailNext(FakeRoutes.Commit, 500, times: 2);
        var time = new RecordingTimeProvider();

        var commit = await fixture.Provider(time).GetCommitAsync(repo, Sha);

        Assert.Equal(Sha, commit?.Sha);
        Assert.Equal(3, CallsFor(repo).Count);
        // Base 100 ms doubling per retry, plus up to the same again as jitter.
        Assert.Equal(2, time.Delays.Count);
        Assert.InRange(time.Delays[0], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        Assert.InRange(time.Delays[1], TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Server_errors_beyond_the_retry_budget_fail_with_the_status()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.FailNext(FakeRoutes.Commit, 502, times: 3, message: "Bad gateway upstream");
        var time = new RecordingTimeProvider();

        var failure = await Assert.ThrowsAsync<GitProviderException>(() =>
            fixture.Provider(time, o => o.MaxRetries = 2).GetCommitAsync(repo, Sha));

        Assert.Equal(HttpStatusCode.BadGateway, failure.StatusCode);
        Assert.Equal("Bad gateway upstream", failure.ProviderMessage);
        Assert.Equal(3, CallsFor(repo).Count);
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task A_primary_rate_limit_waits_until_the_reset()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.RateLimitNext(FakeRoutes.Commit, TimeSpan.FromSeconds(30));
        var time = new RecordingTimeProvider();

        var commit = await fixture.Provider(time).GetCommitAsync(repo, Sha);

        Assert.Equal(Sha, commit?.Sha);
        Assert.Equal(2, CallsFor(repo).Count);
        // The reset header has whole seconds: the wait is the reset minus now, not a backoff step.
        Assert.InRange(Assert.Single(time.Delays), TimeSpan.FromSeconds(28), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.SecondaryRateLimitNext(FakeRoutes.CreateStatus, retryAfterSeconds: 7);
        var time = new RecordingTimeProvider();

        await fixture.Provider(time).SetCommitStatusAsync(repo, Sha, "codecov/project", CommitStatusState.Success, "ok", null);

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(time.Delays));
        Assert.Single(Fake.Statuses(repo.FullName, Sha));
    }

    [Fact]
    public async Task A_rate_limit_resetting_too_late_fails_at_once_with_when_to_retry()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.RateLimitNext(FakeRoutes.Commit, TimeSpan.FromMinutes(30));
        var time = new RecordingTimeProvider();

        var failure = await Assert.ThrowsAsync<GitProviderException>(() => fixture.Provider(time).GetCommitAsync(repo, Sha));

        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Contains("rate limit exceeded", failure.ProviderMessage, StringComparison.Ordinal);
        Assert.InRange(failure.RetryAfter!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.Empty(time.Delays);
        Assert.Single(CallsFor(repo));
    }

    [Fact]
    public async Task An_unknown_sha_for_a_status_is_a_422_with_GitHubs_message_and_no_retry()
    {
        var repo = FakeGitHubFixture.NewRepository();
        var time = new RecordingTimeProvider();

        var failure = await Assert.ThrowsAsync<GitProviderException>(() =>
            fixture.Provider(time).SetCommitStatusAsync(repo, Sha, "codecov/patch", CommitStatusState.Failure, "x", null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, failure.StatusCode);
        Assert.Equal($"No commit found for SHA: {Sha}", failure.ProviderMessage);
        Assert.Contains("422", failure.Message, StringComparison.Ordinal);
        Assert.Single(CallsFor(repo));
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_404_on_update_is_not_retried()
    {
        var repo = FakeGitHubFixture.NewRepository();
        var time = new RecordingTimeProvider();

        var failure = await Assert.ThrowsAsync<GitProviderException>(() => fixture.Provider(time).UpdateCommentAsync(repo, 5_000_000_000, "body"));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("Not Found", failure.ProviderMessage);
        Assert.Single(CallsFor(repo));
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_plain_403_is_a_permission_problem_and_not_retried()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddPullRequest(repo.FullName, new FakePullRequest(1, Sha, "f", Sha));
        Fake.FailNext(FakeRoutes.CreateComment, 403, message: "Resource not accessible by integration");

        var failure = await Assert.ThrowsAsync<GitProviderException>(() =>
            fixture.Provider(new RecordingTimeProvider()).CreateCommentAsync(repo, 1, "body"));

        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Equal("Resource not accessible by integration", failure.ProviderMessage);
        Assert.Single(CallsFor(repo));
        Assert.Empty(Fake.Comments(repo.FullName, 1));
    }

    [Fact]
    public async Task A_timeout_is_retried_and_the_second_attempt_answers()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.DelayNext(FakeRoutes.Commit, TimeSpan.FromSeconds(5));
        var time = new RecordingTimeProvider();

        var commit = await fixture.Provider(time, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300)).GetCommitAsync(repo, Sha);

        Assert.Equal(Sha, commit?.Sha);
        Assert.Equal(2, CallsFor(repo).Count);
        Assert.Single(time.Delays);
    }

    [Fact]
    public async Task Timeouts_beyond_the_retry_budget_fail_without_a_status_code()
    {
        var repo = FakeGitHubFixture.NewRepository();
        Fake.AddCommit(repo.FullName, Sha);
        Fake.DelayNext(FakeRoutes.Commit, TimeSpan.FromSeconds(5), times: 2);

        var failure = await Assert.ThrowsAsync<GitProviderException>(() =>
            fixture.Provider(new RecordingTimeProvider(), o => { o.RequestTimeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; })
                .GetCommitAsync(repo, Sha));

        Assert.Null(failure.StatusCode);
        Assert.Contains("timed out", failure.ProviderMessage, StringComparison.Ordinal);
    }
}
