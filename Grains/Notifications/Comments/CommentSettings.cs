namespace Codecov.Grains.Notifications.Comments;

/// <summary><c>comment.behavior</c> (codecov-semantics §4 "Behaviour").</summary>
public enum CommentBehavior
{
    Default,
    Once,
    New,
    Spammy,
}

/// <summary>
/// The <c>comment</c> block of codecov.yml as the lead maps it. <see cref="Layout"/> holds the section names
/// in order (<c>files:5</c> keeps its limit). <see cref="RequireChanges"/> is the raw <c>require_changes</c>
/// value (<c>"true"</c>, <c>"false"</c> or an expression). <see cref="RequireBase"/>/<see cref="RequireHead"/>
/// are kept for completeness: Codecov's worker does not read them (§2).
/// </summary>
public sealed record CommentSettings(
    IReadOnlyList<string> Layout,
    CommentBehavior Behavior = CommentBehavior.Default,
    string RequireChanges = "false",
    bool RequireBase = false,
    bool RequireHead = true,
    int AfterNBuilds = 0,
    bool HideProjectCoverage = false,
    bool HideCommentDetails = false,
    bool ShowCarryforwardFlags = false)
{
    /// <summary>The legacy default layout <c>reach,diff,flags,tree,reach</c> (§2).</summary>
    public static CommentSettings Default { get; } = new(["reach", "diff", "flags", "tree", "reach"]);

    public static IReadOnlyList<string> ParseLayout(string layout) =>
        layout.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Where the comment's links point: the pull request's page on our dashboard, its commits' pages and an
/// optional graph token, all written by <see cref="DashboardUrls"/>.
/// </summary>
public sealed class DashboardLinks(DashboardUrls urls, RepositoryKey repository, int pullId, string? graphToken = null)
{
    public string Pull => urls.Pull(repository, pullId);

    public string? GraphToken => graphToken;

    public string Commit(string sha) => urls.Commit(repository.Commit(sha));

    /// <summary>A graph of the pull request, e.g. <c>tree.svg</c>.</summary>
    public string PullGraph(string graph) => urls.PullGraph(repository, pullId, graph);
}
