namespace Codecov.Grains.Reports.Comparison;

/// <summary>
/// The flags of each session of a report, and which sessions were carried forward from which
/// commit (codecov-semantics §5 "Carryforward").
/// </summary>
public sealed record SessionFlags(
    IReadOnlyDictionary<int, IReadOnlyList<string>> Flags,
    IReadOnlyDictionary<int, string> CarriedForwardFrom)
{
    public static SessionFlags None { get; } = new(new Dictionary<int, IReadOnlyList<string>>(), new Dictionary<int, string>());

    public IReadOnlyList<string> Of(int sessionId) => Flags.GetValueOrDefault(sessionId) ?? [];

    public bool IsCarriedForward(int sessionId) => CarriedForwardFrom.ContainsKey(sessionId);

    /// <summary>Every flag named by a session, in name order.</summary>
    public IReadOnlyList<string> AllFlags() =>
        Flags.Values.SelectMany(f => f).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Sessions that carry any of <paramref name="flags"/>.</summary>
    public IReadOnlySet<int> SessionsWithAny(IEnumerable<string> flags)
    {
        var wanted = flags.ToHashSet(StringComparer.Ordinal);
        return Flags.Where(kv => kv.Value.Any(wanted.Contains)).Select(kv => kv.Key).ToHashSet();
    }

    /// <summary>
    /// A flag is carried forward when every session that has it was carried forward (shared
    /// <c>ReportFileSummary</c>/<c>Flag.carriedforward</c>); returns the source sha of the first one.
    /// </summary>
    public (bool CarriedForward, string? From) CarryForwardOf(string flag)
    {
        var sessions = Flags.Where(kv => kv.Value.Contains(flag, StringComparer.Ordinal)).Select(kv => kv.Key).Order().ToList();
        if (sessions.Count == 0 || !sessions.All(IsCarriedForward)) return (false, null);
        return (true, CarriedForwardFrom[sessions[0]]);
    }

    /// <summary>How many sessions carry <paramref name="flag"/>, carried-forward ones included (§5 "after_n_builds").</summary>
    public int CountWith(string flag) => Flags.Values.Count(f => f.Contains(flag, StringComparer.Ordinal));
}
