using Codecov.Grains.Commits;
using Codecov.Grains.Queries;
using Codecov.Grains.Reports;
using Codecov.Grains.Repositories;
using Codecov.Grains.Storage;

namespace Codecov.Grains.Tests.Storage;

/// <summary>
/// The list and trend queries of every <see cref="IIndexStore"/> (SQLite here, PostgreSQL in
/// Cluster.Tests): what the API and the dashboard read without activating a grain per row.
/// </summary>
public abstract partial class IndexStoreContract
{
    private static readonly RepositoryKey Gadgets = new("github", "acme", "gadgets");
    private static readonly PageRequest FirstPage = new(1, 20);

    private static ReportTotals Totals(int hits, int lines) =>
        new(1, lines, hits, lines - hits, 0, CoverageRatio.Of(hits, lines), 0, 0, 0, 1, 0, 0, 0);

    private static CommitInfo Reported(RepositoryKey repository, string sha, string? branch, DateTimeOffset at, ReportTotals? totals, int? pull = null) =>
        new(repository.Commit(sha), branch, pull, null, totals is null ? "pending" : "complete", totals, at, at, totals is not null);

    [Fact]
    public async Task Repository_lists_show_the_default_branch_head_totals_and_hide_private_ones_from_the_public()
    {
        var store = CreateStore();
        await store.UpsertRepositoryAsync(new RepositoryInfo(Widgets, "t1", false, "main", T0));
        await store.UpsertRepositoryAsync(new RepositoryInfo(Gadgets, "t2", true, "main", T0));
        await store.UpsertRepositoryAsync(new RepositoryInfo(new RepositoryKey("github", "other", "x"), "t3", false, "main", T0));
        await store.UpsertCommitAsync(Reported(Widgets, "old", "main", T0, Totals(1, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "new", "main", T0.AddHours(1), Totals(3, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "dev", "dev", T0.AddHours(2), Totals(4, 4)));

        var everyone = await store.ListRepositoriesAsync("github", "acme", new RepositoryFilter(IncludePrivate: false), FirstPage);
        var admin = await store.ListRepositoriesAsync("github", "acme", new RepositoryFilter(IncludePrivate: true), FirstPage);

        var widgets = Assert.Single(everyone.Items);
        Assert.Equal((Widgets, "75.00000", true, T0.AddHours(2)), (widgets.Key, widgets.Totals!.Coverage, widgets.Active, widgets.UpdatedAt!.Value));
        Assert.Equal(1, everyone.Total);
        Assert.Equal(["gadgets", "widgets"], admin.Items.Select(r => r.Key.Name));
        Assert.False(admin.Items[0].Active);
        Assert.Null(admin.Items[0].Totals);
    }

    [Fact]
    public async Task Repository_lists_filter_by_names_activity_and_case_blind_search_and_page()
    {
        var store = CreateStore();
        foreach (var name in new[] { "alpha", "Beta", "gamma", "delta_x" })
            await store.UpsertRepositoryAsync(new RepositoryInfo(new RepositoryKey("github", "acme", name), "t-" + name, false, "main", T0));
        await store.UpsertCommitAsync(Reported(new RepositoryKey("github", "acme", "gamma"), "a", "main", T0, null));
        var all = new RepositoryFilter(IncludePrivate: true);

        Assert.Equal(["alpha", "gamma"], (await store.ListRepositoriesAsync("github", "acme", all with { Names = ["gamma", "alpha", "zeta"] }, FirstPage)).Items.Select(r => r.Key.Name));
        Assert.Equal(["gamma"], (await store.ListRepositoriesAsync("github", "acme", all with { Active = true }, FirstPage)).Items.Select(r => r.Key.Name));
        Assert.Equal(3, (await store.ListRepositoriesAsync("github", "acme", all with { Active = false }, FirstPage)).Total);
        Assert.Equal(["Beta"], (await store.ListRepositoriesAsync("github", "acme", all with { Search = "bET" }, FirstPage)).Items.Select(r => r.Key.Name));
        // '_' is a wildcard in LIKE: the search must take it literally.
        Assert.Equal(["delta_x"], (await store.ListRepositoriesAsync("github", "acme", all with { Search = "_" }, FirstPage)).Items.Select(r => r.Key.Name));
        var second = await store.ListRepositoriesAsync("github", "acme", all, new PageRequest(2, 3));
        Assert.Equal(4, second.Total);
        Assert.Equal(["gamma"], second.Items.Select(r => r.Key.Name));
    }

    [Fact]
    public async Task Owners_are_listed_once_each_and_only_with_repositories_the_caller_may_see()
    {
        var store = CreateStore();
        await store.UpsertRepositoryAsync(new RepositoryInfo(Widgets, "t1", false, "main", T0));
        await store.UpsertRepositoryAsync(new RepositoryInfo(Gadgets, "t2", false, "main", T0));
        await store.UpsertRepositoryAsync(new RepositoryInfo(new RepositoryKey("github", "secret", "x"), "t3", true, "main", T0));
        await store.UpsertRepositoryAsync(new RepositoryInfo(new RepositoryKey("gitlab", "acme", "x"), "t4", false, "main", T0));

        var everyone = await store.ListOwnersAsync("github", false, FirstPage);
        var admin = await store.ListOwnersAsync("github", true, FirstPage);

        Assert.Equal(1, everyone.Total);
        Assert.Equal(["acme"], everyone.Items.Select(o => o.Username));
        Assert.Equal(["acme", "secret"], admin.Items.Select(o => o.Username));
    }

    [Fact]
    public async Task Branches_are_derived_from_commits_with_their_newest_commit_as_head()
    {
        var store = CreateStore();
        await store.UpsertCommitAsync(Reported(Widgets, "m1", "main", T0, null));
        await store.UpsertCommitAsync(Reported(Widgets, "m2", "main", T0.AddMinutes(5), null));
        await store.UpsertCommitAsync(Reported(Widgets, "f1", "feature/x", T0.AddMinutes(9), null));
        await store.UpsertCommitAsync(Reported(Widgets, "nb", null, T0.AddMinutes(10), null));

        var branches = await store.ListBranchesAsync(Widgets, FirstPage);

        Assert.Equal(2, branches.Total);
        Assert.Equal([("feature/x", "f1"), ("main", "m2")], branches.Items.Select(b => (b.Name, b.HeadSha)));
        Assert.Equal(new BranchSummary("main", "m2", T0.AddMinutes(5)), await store.GetBranchAsync(Widgets, "main"));
        Assert.Null(await store.GetBranchAsync(Widgets, "gone"));
    }

    [Fact]
    public async Task Commit_pages_count_the_whole_list_and_a_commit_is_found_by_its_key()
    {
        var store = CreateStore();
        for (var i = 0; i < 5; i++) await store.UpsertCommitAsync(Reported(Widgets, $"c{i}", i < 3 ? "main" : "dev", T0.AddMinutes(i), null));

        var page = await store.PageCommitsAsync(Widgets, "main", new PageRequest(2, 2));

        Assert.Equal(3, page.Total);
        Assert.Equal(["c0"], page.Items.Select(c => c.Key.Sha));
        Assert.Equal("c4", (await store.GetCommitAsync(Widgets.Commit("c4")))!.Key.Sha);
        Assert.Null(await store.GetCommitAsync(Widgets.Commit("nope")));
    }

    [Fact]
    public async Task Pulls_from_the_provider_and_pulls_known_only_from_uploads_are_listed_together()
    {
        var store = CreateStore();
        await store.UpsertCommitAsync(Reported(Widgets, "base", "main", T0, Totals(1, 2)));
        await store.UpsertCommitAsync(Reported(Widgets, "head", "feat", T0.AddMinutes(1), Totals(2, 2), pull: 7));
        await store.UpsertCommitAsync(Reported(Widgets, "up1", "other", T0.AddMinutes(2), Totals(1, 4), pull: 9));
        await store.UpsertCommitAsync(Reported(Widgets, "up2", "other", T0.AddMinutes(3), Totals(3, 4), pull: 9));
        await store.UpsertPullAsync(new PullIndexEntry(Widgets, 7, "merged", "Add x", "head", "feat", "base", "main", T0.AddMinutes(4)));

        var all = await store.ListPullsAsync(Widgets, null, FirstPage);
        var open = await store.ListPullsAsync(Widgets, "open", FirstPage);
        var merged = await store.ListPullsAsync(Widgets, "merged", FirstPage);

        Assert.Equal([9, 7], all.Items.Select(p => p.Pull.PullId));
        var fromUploads = all.Items[0];
        Assert.Equal(("open", "up2", "75.00000"), (fromUploads.Pull.State, fromUploads.Pull.HeadSha, fromUploads.HeadTotals!.Coverage));
        var known = all.Items[1];
        Assert.Equal(("Add x", "100", "50.00000"), (known.Pull.Title, known.HeadTotals!.Coverage, known.BaseTotals!.Coverage));
        Assert.Equal([9], open.Items.Select(p => p.Pull.PullId));
        Assert.Equal((1, 7), (merged.Total, merged.Items.Single().Pull.PullId));
        Assert.Equal("merged", (await store.GetPullAsync(Widgets, 7))!.Pull.State);
        Assert.Equal("up2", (await store.GetPullAsync(Widgets, 9))!.Pull.HeadSha);
        Assert.Null(await store.GetPullAsync(Widgets, 8));
    }

    [Fact]
    public async Task Commit_flags_are_replaced_as_a_whole_and_feed_flag_trends()
    {
        var store = CreateStore();
        await store.UpsertCommitAsync(Reported(Widgets, "a", "main", T0, Totals(1, 2)));
        await store.UpsertCommitAsync(Reported(Widgets, "b", "main", T0.AddDays(1), Totals(2, 2)));
        await store.ReplaceCommitFlagsAsync(Widgets.Commit("a"), [new FlagTotals("unit", Totals(1, 2), false), new FlagTotals("old", Totals(0, 2), true)]);
        await store.ReplaceCommitFlagsAsync(Widgets.Commit("a"), [new FlagTotals("unit", Totals(1, 3), false)]);
        await store.ReplaceCommitFlagsAsync(Widgets.Commit("b"), [new FlagTotals("unit", Totals(3, 3), false), new FlagTotals("e2e", Totals(1, 1), true)]);

        Assert.Equal([new FlagTotals("unit", Totals(1, 3), false)], await store.ListCommitFlagsAsync(Widgets.Commit("a")));
        Assert.Equal(["e2e", "unit"], await store.ListFlagNamesAsync(Widgets));
        var trend = await store.ListTotalsAsync(Widgets, "main", "unit", T0, T0.AddDays(2));
        Assert.Equal([("a", "33.33333"), ("b", "100")], trend.Select(t => (t.Sha, t.Totals.Coverage)));
    }

    [Fact]
    public async Task Totals_over_time_are_oldest_first_with_the_last_one_before_the_range()
    {
        var store = CreateStore();
        await store.UpsertCommitAsync(Reported(Widgets, "before2", "main", T0.AddDays(-3), Totals(1, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "before1", "main", T0.AddDays(-1), Totals(2, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "in2", "main", T0.AddDays(2), Totals(4, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "in1", "main", T0.AddDays(1), Totals(3, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "pending", "main", T0.AddDays(1), null));
        await store.UpsertCommitAsync(Reported(Widgets, "elsewhere", "dev", T0.AddDays(1), Totals(0, 4)));
        await store.UpsertCommitAsync(Reported(Widgets, "after", "main", T0.AddDays(9), Totals(0, 4)));

        var points = await store.ListTotalsAsync(Widgets, "main", null, T0, T0.AddDays(3));

        Assert.Equal(["before1", "in1", "in2"], points.Select(p => p.Sha));
        Assert.Equal(T0.AddDays(1), points[1].At);
    }
}
