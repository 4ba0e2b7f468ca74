using System.Text.RegularExpressions;

namespace Codecov.Grains.Notifications.Statuses;

/// <summary>
/// A status's <c>branches</c> list (codecov-semantics §2 "Branch lists"): <c>*</c> → <c>.*</c>, anchored
/// <c>^…$</c>, <c>origin/</c> and <c>refs/heads/</c> stripped, a leading <c>!</c> rejects.
/// </summary>
public static class BranchPatterns
{
    public static bool Matches(IReadOnlyList<string>? patterns, string? branch)
    {
        if (patterns is null || patterns.Count == 0) return true;
        if (branch is null) return false;
        var name = Strip(branch);
        var positives = new List<Regex>();
        foreach (var raw in patterns)
        {
            var negative = raw.StartsWith('!');
            var regex = Compile(Strip(raw.TrimStart('!')));
            if (negative && regex.IsMatch(name)) return false;
            if (!negative) positives.Add(regex);
        }
        return positives.Count == 0 || positives.Any(r => r.IsMatch(name));
    }

    private static string Strip(string branch)
    {
        foreach (var prefix in new[] { "origin/", "refs/heads/" })
            if (branch.StartsWith(prefix, StringComparison.Ordinal)) branch = branch[prefix.Length..];
        return branch;
    }

    private static Regex Compile(string pattern)
    {
        var body = pattern.StartsWith('^') || pattern.EndsWith('$') ? pattern.Trim('^', '$') : pattern;
        body = body.Replace(".*", "*", StringComparison.Ordinal).Replace("*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
