namespace Codecov.Grains.Providers;

public enum CiSource
{
    Status,
    CheckRun,
}

/// <summary>One CI signal on a commit: a commit status context or a check run name.</summary>
public sealed record CiCheck(string Name, CiSource Source, CommitStatusState State);

/// <summary>
/// Every CI signal on a commit except Codecov's own statuses: <c>wait_for_ci</c> and
/// <c>require_ci_to_pass</c> look only at non-<c>codecov*</c> contexts (codecov-semantics §2).
/// </summary>
public sealed record CiState(IReadOnlyList<CiCheck> Checks)
{
    /// <summary>Codecov's own contexts (<c>codecov/project</c>, <c>codecov/patch</c>, …) are not CI.</summary>
    public static bool IsCodecovContext(string context) => context.StartsWith("codecov", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pending while anything runs; failure when anything failed or errored; success otherwise (also with no CI at all).</summary>
    public CommitStatusState Overall =>
        Checks.Any(c => c.State is CommitStatusState.Failure or CommitStatusState.Error) ? CommitStatusState.Failure
        : Checks.Any(c => c.State == CommitStatusState.Pending) ? CommitStatusState.Pending
        : CommitStatusState.Success;
}
