using System.Data.Common;
using Codecov.Grains.Commits;
using Codecov.Grains.Reports;
using Codecov.Grains.Repositories;
using Codecov.Grains.Storage;
using Codecov.Grains.Uploads;

namespace Codecov.Grains.Tests.Storage;

/// <summary>
/// What every <see cref="IIndexStore"/> must do, whatever its database: SQLite in embedded mode
/// (<c>SqliteIndexStoreTests</c>), PostgreSQL in cluster mode (Cluster.Tests links this file).
/// Each test starts from an empty index.
/// </summary>
public abstract partial class IndexStoreContract
{
    protected static readonly RepositoryKey Widgets = new("github", "acme", "widgets");
    protected static readonly DateTimeOffset T0 = new(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));

    /// <summary>A new store over this test's index; every call sees the same data.</summary>
    protected abstract IIndexStore CreateStore();

    /// <summary>Drops pooled connections, so a store created afterwards reads from the database itself.</summary>
    protected abstract void ReleaseConnections();

    /// <summary>Whether the database refused a write for a duplicate unique key.</summary>
    protected abstract bool IsUniqueViolation(DbException error);

    [Fact]
    public async Task A_repository_round_trips_exactly_by_key_and_by_token()
    {
        var store = CreateStore();
        var repository = new RepositoryInfo(Widgets, "0f1e2d3c-token", true, "main", T0.AddTicks(1234567));

        await store.UpsertRepositoryAsync(repository);

        Assert.Equal(repository, await store.GetRepositoryAsync(Widgets));
        Assert.Equal(repository, await store.FindRepositoryByUploadTokenAsync("0f1e2d3c-token"));
    }

    [Fact]
    public async Task Unknown_repositories_and_tokens_are_null()
    {
        var store = CreateStore();
        await store.UpsertRepositoryAsync(new RepositoryInfo(Widgets, "t", false, "main", T0));

        Assert.Null(await store.GetRepositoryAsync(new RepositoryKey("github", "acme", "gadgets")));
        Assert.Null(await store.FindRepositoryByUploadTokenAsync("T"));
    }

    [Fact]
    public async Task Upserting_a_repository_again_replaces_its_fields()
    {
        var store = CreateStore();
        await store.UpsertRepositoryAsync(new RepositoryInfo(Widgets, "old-token", false, "master", T0));
        var changed = new RepositoryInfo(Widgets, "new-token", true, "main", T0);

        await store.UpsertRepositoryAsync(changed);

        Assert.Equal(changed, await store.GetRepositoryAsync(Widgets));
        Assert.Null(await store.FindRepositoryByUploadTokenAsync("old-token"));
        Assert.Equal(changed, await store.FindRepositoryByUploadTokenAsync("new-token"));
    }

    [Fact]
    public async Task A_second_repository_cannot_take_an_existing_upload_token()
    {
        var store = CreateStore();
        await store.UpsertRepositoryAsync(new RepositoryInfo(Widgets, "shared", false, "main", T0));

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            store.UpsertRepositoryAsync(new RepositoryInfo(new RepositoryKey("github", "acme", "gadgets"), "shared", false, "main", T0)));
        Assert.True(IsUniqueViolation(error), error.Message);
    }

    [Fact]
    public async Task A_commit_round_trips_exactly_with_totals_and_without()
    {
        var store = CreateStore();
        var totals = new ReportTotals(3, 120, 90, 20, 10, "75.00000", 14, 6, 0, 2, 5, 9, 0);
        var full = new CommitInfo(Widgets.Commit("a1b2c3"), "feature/x", 42, "000fff", "complete", totals, T0, T0.AddMilliseconds(1.5), true);
        var bare = new CommitInfo(Widgets.Commit("d4e5f6"), null, null, null, "pending", null, T0.AddDays(-1), T0.AddDays(-1), false);
        var noLines = full with { Key = Widgets.Commit("0a0b0c"), Totals = ReportTotals.Empty };

        await store.UpsertCommitAsync(full);
        await store.UpsertCommitAsync(bare);
        await store.UpsertCommitAsync(noLines);

        var listed = await store.ListCommitsAsync(Widgets, null, 10);
        Assert.Contains(full, listed);
        Assert.Contains(bare, listed);
        Assert.Contains(noLines, listed);
    }

    [Fact]
    public async Task Commits_are_listed_newest_first_limited_and_filtered_by_branch()
    {
        var store = CreateStore();
        var commits = Enumerable.Range(0, 6)
            .Select(i => Commit($"sha{i}", i % 2 == 0 ? "main" : "dev", T0.AddMinutes(i)))
            .ToList();
        foreach (var commit in commits.OrderBy(_ => Guid.NewGuid())) await store.UpsertCommitAsync(commit);
        await store.UpsertCommitAsync(Commit("other", "main", T0.AddHours(1)) with { Key = new RepositoryKey("github", "acme", "gadgets").Commit("other") });

        var newest = await store.ListCommitsAsync(Widgets, null, 3);
        var main = await store.ListCommitsAsync(Widgets, "main", 10);

        Assert.Equal(["sha5", "sha4", "sha3"], newest.Select(c => c.Key.Sha));
        Assert.Equal(["sha4", "sha2", "sha0"], main.Select(c => c.Key.Sha));
    }

    [Fact]
    public async Task Upserting_a_commit_again_updates_it_in_place()
    {
        var store = CreateStore();
        var pending = Commit("abc", "main", T0);
        await store.UpsertCommitAsync(pending);
        var complete = pending with { State = "complete", Totals = new ReportTotals(1, 2, 1, 1, 0, "50.00000", 0, 0, 0, 1, 0, 0, 0), UpdatedAt = T0.AddSeconds(5) };

        await store.UpsertCommitAsync(complete);

        Assert.Equal([complete], await store.ListCommitsAsync(Widgets, null, 10));
    }

    [Fact]
    public async Task Only_uploads_still_in_the_uploaded_state_are_unfinished()
    {
        var store = CreateStore();
        var commit = Widgets.Commit("abc");
        await store.UpsertUploadAsync(commit.Upload("u1"), UploadStates.Uploaded);
        await store.UpsertUploadAsync(commit.Upload("u2"), UploadStates.Uploaded);
        await store.UpsertUploadAsync(commit.Upload("u3"), UploadStates.Started);
        await store.UpsertUploadAsync(commit.Upload("u2"), UploadStates.Processed);

        var unfinished = await store.ListUnfinishedUploadsAsync();

        Assert.Equal([commit.Upload("u1")], unfinished);
    }

    [Fact]
    public async Task The_index_survives_a_new_store_over_the_same_directory()
    {
        var repository = new RepositoryInfo(Widgets, "tok", false, "main", T0);
        var commit = Commit("abc", "main", T0);
        var first = CreateStore();
        await first.UpsertRepositoryAsync(repository);
        await first.UpsertCommitAsync(commit);
        await first.UpsertUploadAsync(commit.Key.Upload("u1"), UploadStates.Uploaded);
        ReleaseConnections();

        var restarted = CreateStore();

        Assert.Equal(repository, await restarted.FindRepositoryByUploadTokenAsync("tok"));
        Assert.Equal([commit], await restarted.ListCommitsAsync(Widgets, "main", 5));
        Assert.Equal([commit.Key.Upload("u1")], await restarted.ListUnfinishedUploadsAsync());
    }

    private static CommitInfo Commit(string sha, string branch, DateTimeOffset createdAt) =>
        new(Widgets.Commit(sha), branch, null, null, "pending", null, createdAt, createdAt, false);
}
