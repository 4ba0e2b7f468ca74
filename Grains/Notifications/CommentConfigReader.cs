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
    /// The validator stores <c>require_changes</c> as Codecov does: OR-groups that must all hold
    /// (worker <c>comment/conditions.py</c> <c>all(any(group))</c>; a 0 group always holds).
    /// <see cref="CommentSettings.RequireChanges"/> is read by <see cref="RequireChanges.IsMet"/>, where
    /// <c>and</c> binds tighter than <c>or</c>, so the groups are multiplied out into that form:
    /// <c>[drop|patch, any]</c> → <c>any_change and coverage_drop or any_change and uncovered_patch</c>.
    /// Each product term is a set of at most three conditions, so there are at most eight of them.
    /// </summary>
    internal static string RequireChangesExpression(IReadOnlyList<RequiredChanges> groups)
    {
        var products = new List<RequiredChanges> { RequiredChanges.None };
        foreach (var group in groups.Where(g => g != RequiredChanges.None).Distinct())
        {
            products = products
                .SelectMany(product => Conditions.Where(c => group.HasFlag(c.Bit)).Select(c => product | c.Bit))
                .Distinct()
                .ToList();
        }
        if (products is [RequiredChanges.None]) return "false";
        return string.Join(" or ", products.Select(p => string.Join(" and ", Conditions.Where(c => p.HasFlag(c.Bit)).Select(c => c.Name))));
    }
}
