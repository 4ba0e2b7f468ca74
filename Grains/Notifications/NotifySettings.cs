namespace Codecov.Grains.Notifications;

/// <summary>
/// <c>codecov.notify</c> and <c>codecov.require_ci_to_pass</c> (codecov-semantics §2, §5 "after_n_builds"):
/// when a commit's notifications may go out at all.
/// </summary>
public sealed record NotifySettings(
    long? AfterNBuilds,
    bool WaitForCi,
    bool RequireCiToPass,
    bool ManualTrigger,
    bool NotifyError);

/// <summary><c>carryforward_mode</c>: <c>labels</c> clears only matching labels when a real upload arrives (§5).</summary>
public enum CarryforwardMode
{
    All,
    Labels,
}

/// <summary>
/// A flag whose sessions are carried forward (§5 "Carryforward"). <see cref="Paths"/> is the flag's
/// <c>paths</c> (null: every path).
/// </summary>
public sealed record CarryforwardFlag(string Name, IReadOnlyList<string>? Paths, CarryforwardMode Mode);
