using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Comments;

/// <summary>A component of <c>component_management</c>, with its flag regexes already resolved to flags.</summary>
public sealed record ComponentDefinition(string Name, IReadOnlyList<string> Flags, IReadOnlyList<string> Paths, string? Id = null);

/// <summary>The pull request as the provider reports it (<c>pull_dict</c>): base branch and the two shas.</summary>
public sealed record PullInfo(int Id, string BaseBranch, string BaseSha, string HeadSha);

/// <summary>Everything the comment renderer reads.</summary>
public sealed record CommentInput(
    CoverageComparison Comparison,
    CommentSettings Settings,
    CoverageRounding Rounding,
    DashboardLinks Links,
    PullInfo Pull,
    int? BehindBy = null,
    IReadOnlyList<ComponentDefinition>? Components = null);
