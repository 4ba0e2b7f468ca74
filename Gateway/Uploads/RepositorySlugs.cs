using System.Text.RegularExpressions;
using Codecov.Grains;

namespace Codecov.Gateway.Uploads;

/// <summary>Turns the two slug spellings Codecov accepts into owner and repository name.</summary>
public static partial class RepositorySlugs
{
    private const string RepoSeparator = "::::";
    private const string SubgroupSeparator = ":::";

    /// <summary>
    /// The CLI's path slug (protocol §0 "Encoded slug"): split on the last <c>::::</c>, and
    /// <c>:::</c> in the owner part stands for a sub-group <c>/</c>, which Codecov stores as <c>:</c>.
    /// </summary>
    public static RepositoryKey? DecodeEncoded(string service, string encoded)
    {
        var cut = encoded.LastIndexOf(RepoSeparator, StringComparison.Ordinal);
        if (cut <= 0) return null;
        var owner = encoded[..cut].Replace(SubgroupSeparator, ":", StringComparison.Ordinal);
        var name = encoded[(cut + RepoSeparator.Length)..];
        return KeyParts.IsOwner(owner) && KeyParts.IsRepositoryName(name) ? new RepositoryKey(service, owner, name) : null;
    }

    /// <summary>
    /// The legacy query slug <c>owner/sub/repo</c> (protocol §0 "Legacy slug"): the owner is everything
    /// before the last <c>/</c> with <c>/</c> replaced by <c>:</c>. Null when it fails Codecov's regex.
    /// </summary>
    public static RepositoryKey? ParseLegacy(string service, string? slug) =>
        SplitLegacy(slug) is var (owner, name) ? new RepositoryKey(service, owner, name) : null;

    /// <summary>
    /// Codecov's <c>^[\w\-\.\~\/]+\/[\w\-\.]{1,255}$</c> (api <c>upload/helpers.py</c>), and parts that make
    /// a usable key (<see cref="KeyParts"/>: no <c>.</c> or <c>..</c>, ASCII only).
    /// </summary>
    public static bool IsValidLegacy(string slug) => SplitLegacy(slug) is not null;

    private static (string Owner, string Name)? SplitLegacy(string? slug)
    {
        if (string.IsNullOrEmpty(slug) || !LegacySlugPattern().IsMatch(slug)) return null;
        var cut = slug.LastIndexOf('/');
        var (owner, name) = (slug[..cut].Replace('/', ':'), slug[(cut + 1)..]);
        return KeyParts.IsOwner(owner) && KeyParts.IsRepositoryName(name) ? (owner, name) : null;
    }

    [GeneratedRegex(@"\A[\w\-\.\~\/]+\/[\w\-\.]{1,255}\z")]
    private static partial Regex LegacySlugPattern();
}
