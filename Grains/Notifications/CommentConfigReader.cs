using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>The <c>comment</c> block as the worker's comment notifier reads it (codecov-semantics §2, §4 "PR comment").</summary>
internal static class CommentConfigReader
{
    private static readonly (RequiredChanges Bit, string Name)[] Conditions =
    [
        (RequiredChanges.AnyChange, "any_change"),
        (RequiredChanges.CoverageDrop, "coverage_drop"),
        (RequiredChanges.UncoveredPatch, "uncovered_patch"),
    ];

    /// <summary>⚠ Null unless <c>comment</c> is a mapping: <c>comment: true</c> does nothing (worker <c>comment/__init__.py</c> <c>is_enabled</c>).</summary>
    public static CommentSettings? Read(CodecovYaml yaml)
    {
        if (yaml.TryGet("comment") is not YamlMapping comment) return null;
        return new CommentSettings(
            comment.String("layout") is { } layout ? CommentSettings.ParseLayout(layout) : [],
            Behavior(comment.String("behavior")),
            RequireChangesExpression(yaml.CommentRequiredChanges),
            RequireBase: comment.Bool("require_base") ?? false,
            RequireHead: comment.Bool("require_head") ?? true,
            AfterNBuilds: (int)(comment.Int("after_n_builds") ?? 0),
            HideProjectCoverage: comment.Bool("hide_project_coverage") ?? false,
            HideCommentDetails: comment.Bool("hide_comment_details") ?? false,
            ShowCarryforwardFlags: comment.Bool("show_carryforward_flags") ?? false);
    }

    private static CommentBehavior Behavior(string? value) => value switch
    {
        "once" => CommentBehavior.Once,
        "new" => CommentBehavior.New,
        "spammy" => CommentBehavior.Spammy,
        _ => CommentBehavior.Default,
    };

    /// <summary>
    /// The validator stores <c>require_changes</c> as Codecov does: groups that must all hold, each an
    /// OR of conditions (worker <c>comment/conditions.py</c> <c>all(any(group))</c>; a 0 group always
    /// holds); written back in the text form <see cref="RequireChanges.IsMet"/> reads the same way.
    /// </summary>
    internal static string RequireChangesExpression(IReadOnlyList<RequiredChanges> groups)
    {
        var kept = groups.Where(g => g != RequiredChanges.None).Distinct().ToList();
        if (kept.Count == 0) return "false";
        return string.Join(" and ", kept.Select(g => string.Join(" or ", Conditions.Where(c => g.HasFlag(c.Bit)).Select(c => c.Name))));
    }
}
