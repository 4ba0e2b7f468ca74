namespace Codecov.Grains.Paths;

/// <summary>
/// Python's <c>difflib.SequenceMatcher(None, a, b).ratio()</c> (Ratcliff/Obershelp), which Codecov
/// uses to choose between several repository files that fit a report path equally well.
/// The automatic junk heuristic (only for strings of 200+ characters) is not reproduced.
/// </summary>
public static class SequenceSimilarity
{
    /// <summary>The candidate with the highest ratio; the first one wins a tie.</summary>
    public static string BestMatch(string path, IEnumerable<string> candidates)
    {
        var best = (Score: -1.0, Path: "");
        foreach (var candidate in candidates)
        {
            var score = Ratio(path, candidate);
            if (score > best.Score) best = (score, candidate);
        }
        return best.Path;
    }

    public static double Ratio(string a, string b)
    {
        var total = a.Length + b.Length;
        return total == 0 ? 1.0 : 2.0 * MatchingCharacters(a, b) / total;
    }

    private static int MatchingCharacters(string a, string b)
    {
        var matched = 0;
        var pending = new Stack<(int ALo, int AHi, int BLo, int BHi)>();
        pending.Push((0, a.Length, 0, b.Length));
        while (pending.Count > 0)
        {
            var (alo, ahi, blo, bhi) = pending.Pop();
            var (i, j, k) = LongestMatch(a, b, alo, ahi, blo, bhi);
            if (k == 0) continue;
            matched += k;
            if (alo < i && blo < j) pending.Push((alo, i, blo, j));
            if (i + k < ahi && j + k < bhi) pending.Push((i + k, ahi, j + k, bhi));
        }
        return matched;
    }

    /// <summary>
    /// <c>find_longest_match</c>: the longest common block, earliest in <paramref name="a"/>, then earliest in <paramref name="b"/>.
    /// </summary>
    private static (int I, int J, int Size) LongestMatch(string a, string b, int alo, int ahi, int blo, int bhi)
    {
        var (bestI, bestJ, bestSize) = (alo, blo, 0);
        var previous = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            var current = new Dictionary<int, int>();
            for (var j = blo; j < bhi; j++)
            {
                if (a[i] != b[j]) continue;
                var size = previous.GetValueOrDefault(j - 1) + 1;
                current[j] = size;
                if (size > bestSize) (bestI, bestJ, bestSize) = (i - size + 1, j - size + 1, size);
            }
            previous = current;
        }
        return (bestI, bestJ, bestSize);
    }
}
