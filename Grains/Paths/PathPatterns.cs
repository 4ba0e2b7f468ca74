using System.Text;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Paths;

/// <summary>How Codecov reads a user's path pattern: as a path prefix, a glob or a regex.</summary>
public enum PathPatternKind
{
    Prefix,
    Glob,
    Regex,
}

/// <summary>A translated path pattern: a regex matched from the start of a path, possibly negated.</summary>
public readonly record struct PathPattern(bool Negative, string Regex)
{
    /// <summary>Codecov's <c>invert_pattern</c>: an <c>ignore</c> entry becomes a negative include, and vice versa.</summary>
    public PathPattern Inverted() => this with { Negative = !Negative };

    public override string ToString() => Negative ? "!" + Regex : Regex;
}

/// <summary>
/// Codecov's path pattern language (codecov-semantics §2 "Path patterns"; shared
/// <c>validation/helpers.py</c> <c>PathPatternSchemaField</c>, <c>CustomFixPathSchemaField</c>).
/// </summary>
public static class PathPatterns
{
    private static readonly char[] Reserved = ['*', '$', ']', '['];

    /// <summary>Translates a user pattern (<c>ignore</c>, flag <c>paths</c>) into a regex.</summary>
    public static PathPattern Parse(string pattern)
    {
        // lstrip("!"): any number of leading '!' mean one negation.
        var negative = pattern.StartsWith('!');
        var value = pattern.TrimStart('!');
        if (value.StartsWith("./", StringComparison.Ordinal)) value = value[2..];
        var regex = Classify(value) switch
        {
            PathPatternKind.Prefix => "^" + value + ".*",
            PathPatternKind.Glob => GlobToRegex(value, anchorEnd: true),
            _ => value,
        };
        return new PathPattern(negative, regex);
    }

    /// <summary>Codecov's <c>determine_path_pattern_type</c>.</summary>
    public static PathPatternKind Classify(string pattern)
    {
        if (pattern.IndexOfAny(Reserved) < 0) return PathPatternKind.Prefix;
        if (pattern.Contains("**", StringComparison.Ordinal) || pattern.Contains("/*", StringComparison.Ordinal))
            return PathPatternKind.Glob;
        if (pattern.Contains('*') && !pattern.Contains("]*", StringComparison.Ordinal) && !pattern.Contains(".*", StringComparison.Ordinal))
            return PathPatternKind.Glob;
        return CompilesAsRegex(pattern) ? PathPatternKind.Regex : PathPatternKind.Glob;
    }

    /// <summary>
    /// The <c>before</c> half of a <c>fixes</c> entry as <c>CustomFixPathSchemaField</c> stores it:
    /// a prefix is anchored, a glob is translated without an end anchor, a regex is kept.
    /// </summary>
    public static string FixBeforeToRegex(string before) => Classify(before) switch
    {
        PathPatternKind.Prefix => "^" + before,
        PathPatternKind.Glob => GlobToRegex(before, anchorEnd: false),
        _ => before,
    };

    /// <summary>Codecov's <c>translate_glob_to_regex</c>: fnmatch, except <c>*</c> stops at <c>/</c> and <c>**</c> does not.</summary>
    public static string GlobToRegex(string glob, bool anchorEnd)
    {
        var result = new StringBuilder();
        var i = 0;
        var n = glob.Length;
        while (i < n)
        {
            var c = glob[i++];
            if (c == '*')
            {
                if (i < n && glob[i] == '*') { result.Append(".*"); i++; }
                else result.Append(@"[^\/]*");
            }
            else if (c == '?') result.Append('.');
            else if (c == '[') i = AppendCharacterClass(glob, i, result);
            else result.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }
        // Python's \Z is the very end of the string: .NET's \z.
        return anchorEnd ? $"(?s:{result})\\z" : $"(?s:{result})";
    }

    /// <summary>Compiles a translated pattern so that it matches from the start, like Python's <c>re.match</c>.</summary>
    public static Regex Compile(string regex) =>
        new(@"\A(?:" + regex + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Whether <paramref name="regex"/> matches at the start of <paramref name="path"/>; a runaway pattern counts as no match.</summary>
    public static bool MatchesStart(Regex regex, string path)
    {
        try
        {
            return regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static int AppendCharacterClass(string glob, int i, StringBuilder result)
    {
        var n = glob.Length;
        var j = i;
        if (j < n && glob[j] == '!') j++;
        if (j < n && glob[j] == ']') j++;
        while (j < n && glob[j] != ']') j++;
        if (j >= n)
        {
            result.Append(@"\[");
            return i;
        }
        var set = glob[i..j].Replace(@"\", @"\\", StringComparison.Ordinal);
        set = System.Text.RegularExpressions.Regex.Replace(set, "([&~|])", @"\$1");
        if (set.Length > 0 && set[0] == '!') set = "^" + set[1..];
        else if (set.Length > 0 && (set[0] == '^' || set[0] == '[')) set = @"\" + set;
        result.Append('[').Append(set).Append(']');
        return j + 1;
    }

    private static bool CompilesAsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
