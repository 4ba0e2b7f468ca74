using System.Text;

namespace Codecov.Grains.Paths;

/// <summary>
/// Turns the legacy payload's <c>network</c> section into repository paths (worker
/// <c>fixpaths.py</c> <c>clean_toc</c>): git's quoted paths are unquoted, escaped spaces and
/// backslashes fixed, a leading <c>./</c> dropped, and delombok'd Java sources left out.
/// </summary>
public static class NetworkList
{
    public static IReadOnlyList<string> Clean(string toc)
    {
        var result = new List<string>();
        foreach (var line in toc.Trim().Split('\n'))
        {
            // Codecov keeps a CR of a CRLF list in the path, which then matches nothing; we drop it.
            var path = line.TrimEnd('\r');
            if (path.Length >= 2 && path[0] == '"' && path[^1] == '"') path = UnquoteGitPath(path[1..^1]);
            path = path.Replace("\\ ", " ", StringComparison.Ordinal).Replace('\\', '/');
            if (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
            if (path.Contains("/target/delombok/", StringComparison.Ordinal)) continue;
            result.Add(path);
        }
        return result;
    }

    /// <summary>Undoes git's <c>core.quotePath</c> armour: octal byte escapes, <c>\X</c> escapes, and <c>\r</c> dropped.</summary>
    public static string UnquoteGitPath(string quoted)
    {
        var bytes = new List<byte>(quoted.Length);
        var i = 0;
        while (i < quoted.Length)
        {
            if (quoted[i] != '\\' || i + 1 >= quoted.Length)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(quoted[i].ToString()));
                i++;
            }
            else if (quoted[i + 1] == 'r') i += 2;
            else if (i + 3 < quoted.Length && IsOctal(quoted[i + 1]) && IsOctal(quoted[i + 2]) && IsOctal(quoted[i + 3]))
            {
                bytes.Add((byte)Convert.ToInt32(quoted.Substring(i + 1, 3), 8));
                i += 4;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(quoted[i + 1].ToString()));
                i += 2;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
