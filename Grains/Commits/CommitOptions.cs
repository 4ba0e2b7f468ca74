using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Commits;

/// <summary>Per-commit limits (<c>Commits:*</c>).</summary>
public sealed class CommitOptions
{
    public const string SectionName = "Commits";

    /// <summary>Codecov's <c>setup.max_sessions</c>: uploads accepted per commit (default 150).</summary>
    [Range(1, 100_000)]
    public int MaxUploadsPerCommit { get; set; } = 150;
}
