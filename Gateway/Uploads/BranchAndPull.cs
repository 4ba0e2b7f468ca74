using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Gateway.Uploads;

/// <summary>The branch and pull request an upload is filed under, after Codecov's rules.</summary>
public sealed partial record BranchAndPull(string? Branch, int? PullId)
{
    /// <summary>
    /// Codecov's <c>determine_upload_branch_to_use</c> / <c>determine_upload_pr_to_use</c> (protocol §6 step 4):
    /// no branch and no PR → the default branch; a branch naming <c>pull/N</c> or <c>pr/N</c> → no branch, PR N;
    /// PR <c>true</c> only suppresses the default branch and is not stored.
    /// </summary>
    public static BranchAndPull Resolve(string? branch, string? pullRequest, string defaultBranch)
    {
        if (string.IsNullOrEmpty(branch) && string.IsNullOrEmpty(pullRequest)) return new(defaultBranch, null);
        var noted = string.IsNullOrEmpty(branch) ? null : PullNotedInBranch().Match(branch);
        if (noted is { Success: true }) return new(null, ParsePullId(noted.Groups[2].Value));
        return new(string.IsNullOrEmpty(branch) ? null : branch, ParsePullId(pullRequest));
    }

    /// <summary>A pull request number, or null for anything else (<c>true</c>, junk, overflow).</summary>
    public static int? ParsePullId(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    [GeneratedRegex(@"\A.*(pull|pr)\/(\d+).*")]
    private static partial Regex PullNotedInBranch();
}
