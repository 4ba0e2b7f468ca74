using System.Runtime.CompilerServices;
using System.Globalization;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// The <c>BRDA</c> and <c>FN</c> lines of one LCOV record, kept as lcov.py keeps them: branch
/// lines keyed by the line number as written, in first-seen order, each with its
/// <c>block:branch</c> ids in first-seen order (a repeated id overwrites its taken flag).
/// </summary>
/// <remarks>
/// Keys written the usual way (plain digits, no leading zero) are held as numbers, which name
/// the same key as the text would, so no string is made per record line; any other spelling keeps its text.
/// </remarks>
internal sealed class LcovBranches
{
    // "0:0" … "15:15", the ids nearly every missed branch has.
    private static readonly string[] SmallIds =
        Enumerable.Range(0, 256).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i >> 4}:{i & 15}")).ToArray();

    private readonly Dictionary<LineKey, int> slots = [];
    private readonly List<LineKey> lines = [];
    // Each line's ids are a chain through 'entries', searched in order; a line with more ids than
    // ChainLimit (hostile input) also gets them indexed, so a record stays linear.
    private const int ChainLimit = 16;
    private readonly List<Chain> chains = [];
    private readonly Dictionary<(int Slot, BranchId Id), int> index = [];
    private readonly List<Entry> entries = [];
    private readonly HashSet<LineKey> functions = [];
    private readonly HashSet<LineKey> skipped = [];
    // Per-line tallies for WriteTo, kept between records.
    private int[] covered = [], total = [], missedCount = [];
    private string[]?[] missed = [];

    public bool IsEmpty => lines.Count == 0;

    /// <summary>Empties the table for the next record; keys are removed one by one, since clearing would zero capacity sized for the largest record.</summary>
    public void Clear()
    {
        if (index.Count > 0)
        {
            foreach (var entry in entries) index.Remove((entry.Slot, entry.Id));
        }
        foreach (var key in lines) slots.Remove(key);
        lines.Clear();
        chains.Clear();
        entries.Clear();
        if (functions.Count > 0) functions.Clear();
        if (skipped.Count > 0) skipped.Clear();
    }

    /// <summary>An <c>FN</c> line: its branch line becomes a method line.</summary>
    public void AddFunction(ReadOnlySpan<char> lineText) => functions.Add(LineKey.Of(lineText));

    /// <summary>A compiler-generated function's line: its branches are dropped.</summary>
    public void Skip(ReadOnlySpan<char> lineText) => skipped.Add(LineKey.Of(lineText));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> lineText, ReadOnlySpan<char> block, ReadOnlySpan<char> branch, bool taken)
    {
        var key = LineKey.Of(lineText);
        if (!slots.TryGetValue(key, out var slot))
        {
            slot = lines.Count;
            slots[key] = slot;
            lines.Add(key);
            chains.Add(new Chain(-1, -1, 0));
        }
        var id = BranchId.Of(block, branch);
        var chain = chains[slot];
        var at = -1;
        if (chain.Count <= ChainLimit)
        {
            for (var e = chain.First; e >= 0 && at < 0; e = entries[e].Next)
                if (entries[e].Id.Same(id)) at = e;
        }
        else if (!index.TryGetValue((slot, id), out at)) at = -1;
        if (at >= 0)
        {
            entries[at] = entries[at] with { Taken = taken };
            return;
        }

        var added = entries.Count;
        entries.Add(new Entry(slot, id, taken, -1));
        if (chain.Count == 0) chain = chain with { First = added };
        else entries[chain.Last] = entries[chain.Last] with { Next = added };
        chain = chain with { Last = added, Count = chain.Count + 1 };
        chains[slot] = chain;
        if (chain.Count == ChainLimit + 1)
        {
            for (var e = chain.First; e >= 0; e = entries[e].Next) index[(slot, entries[e].Id)] = e;
        }
        else if (chain.Count > ChainLimit + 1) index[(slot, id)] = added;
    }

    /// <summary>Each branch line as <c>taken/total</c> with its missed ids; lcov.py overwrites the DA value rather than merging.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteTo(LcovLines scratch)
    {
        var count = lines.Count;
        if (covered.Length < count) (covered, total, missedCount, missed) = (new int[count * 2], new int[count * 2], new int[count * 2], new string[count * 2][]);
        Array.Clear(covered, 0, count);
        Array.Clear(total, 0, count);
        Array.Clear(missedCount, 0, count);
        foreach (var entry in entries)
        {
            total[entry.Slot]++;
            if (entry.Taken) covered[entry.Slot]++;
            else missedCount[entry.Slot]++;
        }
        // Missed ids in first-seen order, each line's array made at its exact size.
        for (var slot = 0; slot < count; slot++) missed[slot] = missedCount[slot] > 0 ? new string[missedCount[slot]] : null;
        Array.Clear(missedCount, 0, count);
        foreach (var entry in entries)
            if (!entry.Taken) missed[entry.Slot]![missedCount[entry.Slot]++] = entry.Id.ToString();

        for (var slot = 0; slot < count; slot++)
        {
            var key = lines[slot];
            if (skipped.Contains(key)) continue;
            var number = key.Text is null ? key.Number : ReportText.ParseInt(key.Text);
            if (number is not { } n || n < 1 || n > ReportBuilder.MaxLineNumber) continue;
            var kind = functions.Contains(key) ? LineKind.Method : LineKind.Branch;
            var missing = missed[slot] is { } ids ? new MissingBranches(ids) : MissingBranches.Unknown;
            scratch.Set((int)n, kind, CoverageValue.FromBranches(covered[slot], total[slot]), missing);
        }
        Array.Clear(missed, 0, count);
    }

    /// <summary>Plain digits without a leading zero, short enough for an int: the text and the number are the same key.</summary>
    private static bool IsCanonical(ReadOnlySpan<char> text, bool zeroAllowed) =>
        text.Length is > 0 and <= 9 && !text.ContainsAnyExceptInRange('0', '9') && (text[0] != '0' || (zeroAllowed && text.Length == 1));

    private static int Digits(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private readonly record struct Entry(int Slot, BranchId Id, bool Taken, int Next);

    private readonly record struct Chain(int First, int Last, int Count);

    private readonly record struct LineKey(int Number, string? Text)
    {
        public static LineKey Of(ReadOnlySpan<char> text) =>
            IsCanonical(text, zeroAllowed: false) ? new(Digits(text), null) : new(0, text.ToString());
    }

    /// <summary>A <c>block:branch</c> id: two plain numbers packed, or the joined text.</summary>
    private readonly record struct BranchId(long Packed, string? Text)
    {
        public static BranchId Of(ReadOnlySpan<char> block, ReadOnlySpan<char> branch) =>
            IsCanonical(block, zeroAllowed: true) && IsCanonical(branch, zeroAllowed: true)
                ? new(((long)Digits(block) << 32) | (uint)Digits(branch), null)
                : new(0, string.Concat(block, ":", branch));

        public bool Same(BranchId other) => Packed == other.Packed && string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override string ToString()
        {
            if (Text is not null) return Text;
            var (block, branch) = ((int)(Packed >> 32), (int)(uint)Packed);
            return block < 16 && branch < 16
                ? SmallIds[(block << 4) | branch]
                : string.Create(CultureInfo.InvariantCulture, $"{block}:{branch}");
        }
    }
}
