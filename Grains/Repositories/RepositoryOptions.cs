using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Repositories;

/// <summary>Defaults for repositories created on first upload (<c>Repositories:*</c>).</summary>
public sealed class RepositoryOptions
{
    public const string SectionName = "Repositories";

    /// <summary>The branch an upload without one is filed under, until the provider says otherwise.</summary>
    [Required, MinLength(1)]
    public string DefaultBranch { get; set; } = "main";

    /// <summary>New repositories are private (readable with a token only) unless this is false.</summary>
    public bool PrivateByDefault { get; set; } = true;
}
