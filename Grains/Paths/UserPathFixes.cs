using System.Text.RegularExpressions;

namespace Codecov.Grains.Paths;

/// <summary>
/// The codecov.yml <c>fixes</c> list (worker <c>path_fixer/user_path_fixes.py</c>, codecov-semantics §2):
/// <c>"before::after"</c> replaces a leading match of <c>before</c> (a prefix, glob or regex) with
/// <c>after</c>; <c>"::p"</c> adds the prefix <c>p</c> in the post pass.
/// </summary>
public sealed class UserPathFixes
{
    private static readonly Regex LoneStar = new(@"(?<!\.)\*", RegexOptions.CultureInvariant);

    private readonly string prefix;
    private readonly IReadOnlyList<(Regex Before, string After)> replacements;

    public UserPathFixes(IEnumerable<string> fixes)
    {
        var valid = fixes.Where(f => f.Contains("::", StringComparison.Ordinal)).Select(Validate).Distinct().ToList();
        prefix = string.Join('/', valid.Where(IsPrefix).Select(f => f[2..].TrimEnd('/')));
        replacements = valid.Where(f => !IsPrefix(f)).Select(ToReplacement).OfType<(Regex, string)>().ToList();
    }

    public bool IsEmpty => prefix.Length == 0 && replacements.Count == 0;

    /// <summary>
    /// Applies the fixes; the pre pass (before network resolution) adds no prefix, the post pass does.
    /// Replacements run in both passes, as Codecov runs them.
    /// </summary>
    public string Apply(string path, bool addPrefix)
    {
        if (addPrefix && prefix.Length > 0) path = prefix + "/" + path;
        foreach (var (before, after) in replacements)
        {
            var match = Match(before, path);
            if (match is null) continue;
            path = string.Concat(path.AsSpan(0, match.Index), after, path.AsSpan(match.Index + match.Length));
            break;
        }
        return path.Replace("//", "/", StringComparison.Ordinal).TrimStart('/');
    }

    private static bool IsPrefix(string fix) => fix.StartsWith("::", StringComparison.Ordinal);

    /// <summary>
    /// <c>CustomFixPathSchemaField</c>: when both halves are present, <c>before</c> is translated
    /// to a regex; a fix with an empty half is stored as written.
    /// </summary>
    private static string Validate(string fix)
    {
        var split = fix.IndexOf("::", StringComparison.Ordinal);
        var before = fix[..split];
        var after = fix[(split + 2)..];
        if (before.Length == 0 || after.Length == 0) return fix;
        return PathPatterns.FixBeforeToRegex(before) + "::" + after;
    }

    /// <summary>A replacement, or null when <c>before</c> is no valid regex (Codecov's validator rejects those).</summary>
    private static (Regex, string)? ToReplacement(string fix)
    {
        // Python's fix.split("::")[0] and [1]: the after half stops at a further "::".
        var parts = fix.Split("::");
        try
        {
            return (Compile(LegacyStars(parts[0])), parts[1]);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>_fixpaths_regs</c>, which Codecov still applies on top of the validator's translation:
    /// <c>**</c> becomes <c>.*</c> and a <c>*</c> not after a dot becomes one or more non-slashes.
    /// </summary>
    private static string LegacyStars(string before)
    {
        var regex = before.Replace("**", ".*", StringComparison.Ordinal);
        regex = LoneStar.Replace(regex, @"[^\/\n]+");
        return regex.TrimStart('/');
    }

    /// <summary>
    /// Codecov joins all replacements into <c>^(a)|(b)…</c>, in the arbitrary order of a Python
    /// set, so only the first alternative is anchored. We anchor each one (the documented "prefix"
    /// meaning) and try them in the order the YAML lists them.
    /// </summary>
    private static Regex Compile(string before) =>
        new(@"\A(?:" + before + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static System.Text.RegularExpressions.Match? Match(Regex regex, string path)
    {
        try
        {
            var match = regex.Match(path);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
