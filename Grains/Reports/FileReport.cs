using System.Runtime.CompilerServices;
namespace Codecov.Grains.Reports;

/// <summary>The lines of one file, keyed by line number (Codecov's <c>ReportFile</c>).</summary>
/// <remarks>
/// Lines live in an array indexed by line number, so appends are O(1) and the lines come out in
/// order without sorting. A number far beyond the file's density (an absurd or hostile line number)
/// goes to a small side table instead, so memory stays bounded by the number of lines.
/// </remarks>
public sealed class FileReport(string path)
{
    private const int MinimumDenseLimit = 4096;

    private ReportLine?[] dense = [];
    private Dictionary<int, ReportLine>? sparse;
    private int count;
    private ReportTotals? totals;

    // The ids of every session that may have a line here (a superset): lets a merge of disjoint
    // sessions, the usual case, append without searching each line's sessions.
    private readonly HashSet<int> sessionIds = [];
    private int lastNotedSession = int.MinValue;

    public string Path { get; } = path;

    public int Count => count;

    /// <summary>The lines in line-number order. A line handed out here is never changed afterwards.</summary>
    public IEnumerable<KeyValuePair<int, ReportLine>> Lines
    {
        get
        {
            foreach (var entry in OrderedLines())
            {
                entry.Value.Owner = null;
                yield return entry;
            }
        }
    }

    public ReportLine? this[int number]
    {
        get
        {
            var line = Get(number);
            if (line is not null) line.Owner = null;
            return line;
        }
    }

    /// <summary>Adds a line, merging with what the line already holds (Codecov's <c>ReportFile.append</c>).</summary>
    public void Append(int number, ReportLine line) => Append(number, line, takeOwnership: false);

    /// <summary>As <see cref="Append(int, ReportLine)"/> for a line nobody else holds (a parser's fresh line): later merges may change it in place.</summary>
    internal void AppendOwned(int number, ReportLine line) => Append(number, line, takeOwnership: true);

    /// <summary>
    /// As <see cref="AppendOwned(int, ReportLine)"/> for one session's values: a line object is made
    /// only when the number is new here or the existing line cannot take the values in place.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AppendOwned(int number, LineKind kind, int sessionId, CoverageValue coverage, MissingBranches missing)
    {
        var existing = Get(number);
        if (existing is not null && ReferenceEquals(existing.Owner, this) && existing.TryMergeInline(kind, sessionId, coverage, missing))
        {
            totals = null;
            return;
        }
        Append(number, new ReportLine(kind, sessionId, coverage, missing), takeOwnership: true);
    }

    /// <summary>Replaces a line without merging.</summary>
    public void Set(int number, ReportLine line)
    {
        line.Owner = null;
        NoteSessions(line);
        if (Get(number) is null) count++;
        Put(number, line);
        totals = null;
    }

    public bool Remove(int number)
    {
        totals = null;
        if (Get(number) is null) return false;
        if ((uint)number < (uint)dense.Length) dense[number] = null;
        else sparse!.Remove(number);
        count--;
        return true;
    }

    /// <summary>Empties the file and keeps its line table for reuse (a parser's scratch file).</summary>
    internal void Clear()
    {
        Array.Clear(dense);
        sparse?.Clear();
        count = 0;
        sessionIds.Clear();
        lastNotedSession = int.MinValue;
        totals = null;
    }

    public ReportTotals Totals => totals ??= ComputeTotals();

    /// <summary>Whether the file counts at all: Codecov drops files with no coverable line.</summary>
    public bool HasCoverage => Totals.Lines > 0;

    /// <summary>
    /// Merges another upload's lines into this file (Codecov's <c>ReportFile.merge</c>), including
    /// its Ruby quirk: a <c>.rb</c> file that is entirely misses yields to, or is replaced by, the other.
    /// <paramref name="other"/> is left as it was.
    /// </summary>
    public void Merge(FileReport other) => Merge(other, consume: false);

    /// <summary>As <see cref="Merge(FileReport)"/>, taking over <paramref name="other"/>'s lines: it must not be used afterwards.</summary>
    public void MergeFrom(FileReport other) => Merge(other, consume: true);

    /// <summary>Drops every contribution of the given sessions (used when an upload is replaced).</summary>
    public void RemoveSessions(IReadOnlySet<int> sessionIds)
    {
        foreach (var (number, line) in OrderedLines().ToList())
        {
            var kept = line.Without(sessionIds);
            if (kept is null) Remove(number);
            else if (!ReferenceEquals(kept, line))
            {
                kept.Owner = this;
                Put(number, kept);
            }
        }
        this.sessionIds.ExceptWith(sessionIds);
        totals = null;
    }

    /// <summary>The lines in order, without handing them out (for code that only reads them).</summary>
    internal IEnumerable<KeyValuePair<int, ReportLine>> OrderedLines()
    {
        int[]? sparseKeys = null;
        if (sparse is { Count: > 0 })
        {
            sparseKeys = [.. sparse.Keys];
            Array.Sort(sparseKeys);
            foreach (var key in sparseKeys)
                if (key < 0) yield return new(key, sparse[key]);
        }
        for (var n = 0; n < dense.Length; n++)
            if (dense[n] is { } line) yield return new(n, line);
        if (sparseKeys is null) yield break;
        foreach (var key in sparseKeys)
            if (key >= 0) yield return new(key, sparse![key]);
    }

    private void Append(int number, ReportLine line, bool takeOwnership)
    {
        NoteSessions(line);
        totals = null;
        var existing = Get(number);
        if (existing is null)
        {
            line.Owner = takeOwnership ? this : null;
            count++;
            Put(number, line);
            return;
        }
        Owned(number, existing).MergeInPlace(line, sameIdsPossible: true);
    }

    private void Merge(FileReport other, bool consume)
    {
        if (Path.EndsWith(".rb", StringComparison.Ordinal))
        {
            var mine = Totals;
            var theirs = other.Totals;
            var differ = theirs.Lines != mine.Lines || theirs.Misses != mine.Misses;
            if (mine.Lines == mine.Misses && differ)
            {
                Array.Clear(dense);
                sparse?.Clear();
                count = 0;
                sessionIds.Clear();
                Take(other, consume, sameIdsPossible: false);
                return;
            }
            if (theirs.Lines == theirs.Misses && differ) return;
        }
        Take(other, consume, sameIdsPossible: sessionIds.Overlaps(other.sessionIds));
    }

    private void Take(FileReport other, bool consume, bool sameIdsPossible)
    {
        sessionIds.UnionWith(other.sessionIds);
        totals = null;
        foreach (var (number, line) in other.OrderedLines())
        {
            var existing = Get(number);
            if (existing is null)
            {
                // A line taken from a report that lives on is shared from now on: neither side changes it.
                line.Owner = consume ? this : null;
                count++;
                Put(number, line);
            }
            else Owned(number, existing).MergeInPlace(line, sameIdsPossible);
        }
    }

    /// <summary>The line at <paramref name="number"/>, copied first unless this file owns it.</summary>
    private ReportLine Owned(int number, ReportLine line)
    {
        if (ReferenceEquals(line.Owner, this)) return line;
        var copy = line.Copy();
        copy.Owner = this;
        Put(number, copy);
        return copy;
    }

    private void NoteSessions(ReportLine line)
    {
        for (var i = 0; i < line.SessionCount; i++)
        {
            var id = line.SessionIdAt(i);
            if (id == lastNotedSession) continue;
            sessionIds.Add(id);
            lastNotedSession = id;
        }
    }

    private ReportLine? Get(int number)
    {
        if ((uint)number < (uint)dense.Length) return dense[number];
        return sparse is not null && sparse.TryGetValue(number, out var line) ? line : null;
    }

    /// <summary>Stores a line; the caller keeps <see cref="count"/>.</summary>
    private void Put(int number, ReportLine line)
    {
        if ((uint)number < (uint)dense.Length)
        {
            dense[number] = line;
            return;
        }
        var limit = Math.Max(MinimumDenseLimit, 8L * (count + 1));
        if (number >= 0 && number < limit)
        {
            Grow((int)Math.Min(limit, Math.Max(number + 1L, Math.Max(64L, dense.Length * 2L))));
            dense[number] = line;
            sparse?.Remove(number);
            return;
        }
        (sparse ??= new Dictionary<int, ReportLine>())[number] = line;
    }

    /// <summary>Enlarges the dense table, moving side-table lines that now fit into it.</summary>
    private void Grow(int length)
    {
        Array.Resize(ref dense, length);
        if (sparse is not { Count: > 0 }) return;
        foreach (var key in sparse.Keys.Where(k => k >= 0 && k < length).ToList())
        {
            dense[key] = sparse[key];
            sparse.Remove(key);
        }
    }

    private ReportTotals ComputeTotals() => LineTotals.Of(OrderedLines().Select(l => l.Value));
}
