using System.Text.RegularExpressions;

namespace Codecov.Grains;

/// <summary>
/// What a repository owner, a repository name and a commit id may be, so that every key written in
/// <see cref="RepositoryKey"/> parses back into the same parts and every dashboard, API and upload URL built
/// from it reaches the same repository. The edge checks these before any grain is asked.
/// </summary>
public static partial class KeyParts
{
    /// <summary>Codecov's legacy slug allows 1–255 name characters (api <c>upload/helpers.py</c>).</summary>
    public const int MaxSegmentLength = 255;

    /// <summary>
    /// Codecov's name characters <c>[\w\-\.]</c> in ASCII, and never <c>.</c> or <c>..</c>, which URLs and
    /// paths read as "this directory" and "the parent".
    /// </summary>
    public static bool IsRepositoryName(string? name) =>
        name is { Length: > 0 and <= MaxSegmentLength } && !IsDotSegment(name) && NameCharacters().IsMatch(name);

    /// <summary>
    /// An owner, with sub-groups joined by <c>:</c> as Codecov stores them; each part takes Codecov's owner
    /// characters <c>[\w\-\.\~]</c> in ASCII and is neither empty, <c>.</c> nor <c>..</c>.
    /// </summary>
    public static bool IsOwner(string? owner) =>
        owner is { Length: > 0 } && owner.Split(':').All(part =>
            part.Length is > 0 and <= MaxSegmentLength && !IsDotSegment(part) && OwnerCharacters().IsMatch(part));

    /// <summary>
    /// A git SHA-1 (40) or SHA-256 (64), or Mercurial's <c>rev:node12</c>: Codecov's <c>^\d+:\w{12}|\w{40}$</c>
    /// anchored at both ends (Codecov's own first alternative is open at the end, so <c>1:abcdefabcdef/../x</c>
    /// passed it), in ASCII.
    /// </summary>
    public static bool IsCommitSha(string? sha) => sha is not null && CommitSha().IsMatch(sha);

    private static bool IsDotSegment(string part) => part is "." or "..";

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]+\z")]
    private static partial Regex NameCharacters();

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-~]+\z")]
    private static partial Regex OwnerCharacters();

    [GeneratedRegex(@"\A(?:[0-9]{1,10}:[A-Za-z0-9_]{12}|[A-Za-z0-9_]{40}|[A-Za-z0-9_]{64})\z")]
    private static partial Regex CommitSha();
}
