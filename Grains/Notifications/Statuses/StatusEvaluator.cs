using Codecov.Grains.Reports.Comparison;

namespace Codecov.Grains.Notifications.Statuses;

/// <summary>What a status needs to know about the commit beyond the comparison.</summary>
public sealed record StatusInputs(CoverageComparison Comparison, string? HeadBranch, bool HasPull, CoverageRounding Rounding);

/// <summary>
/// Applies a status definition: Codecov's gates in order (worker <c>notifiers/status/base.py</c>;
/// codecov-semantics §4 "Gates"), then the project, patch or changes rule. Null means "send nothing".
/// </summary>
public static class StatusEvaluator
{
    public const string AutoPassedSuffix = " [Auto passed due to carriedforward or missing coverage]";
    public const string CiFailedDescription = "CI failed.";

    public static StatusResult? Evaluate(StatusDefinition definition, StatusInputs inputs)
    {
        if ((definition.OnlyPulls || definition.BaseIsPr) && !inputs.HasPull) return null;
        if (!BranchPatterns.Matches(definition.Branches, inputs.HeadBranch)) return null;
        var flags = definition.Flags ?? [];
        var headFlags = inputs.Comparison.Head.Flags;
        if (definition.AfterNBuilds is { } n && flags.Any(f => headFlags.CountWith(f) < n)) return null;

        var uploaded = flags.Count == 0 || flags.Any(f => WasUploaded(headFlags, f));
        if (!uploaded && definition.FlagCoverageNotUploadedBehavior == FlagCoverageNotUploadedBehavior.Exclude) return null;

        var comparison = inputs.Comparison.Filtered(flags, definition.Paths ?? []);
        var verdict = definition.Type switch
        {
            StatusType.Project => new ProjectStatusRule(definition, inputs.Rounding).Evaluate(comparison),
            StatusType.Patch => new PatchStatusRule(definition, inputs.Rounding).Evaluate(comparison),
            _ => new ChangesStatusRule(definition).Evaluate(comparison, inputs.HasPull),
        };
        if (!uploaded && definition.FlagCoverageNotUploadedBehavior == FlagCoverageNotUploadedBehavior.Pass)
            verdict = StatusVerdict.Success(verdict.Description + AutoPassedSuffix);
        if (definition.Informational) verdict = verdict with { State = StatusOutcome.Success };
        return ToResult(definition.Context, verdict.State, verdict.Description);
    }

    /// <summary>
    /// With <c>require_ci_to_pass</c> and failed CI, an existing <c>codecov/*</c> context is set to
    /// <c>if_ci_failed</c> with "CI failed." (worker <c>tasks/status_set_error.py</c>).
    /// </summary>
    public static StatusResult? CiFailed(StatusDefinition definition) =>
        ToResult(definition.Context, definition.IfCiFailed, CiFailedDescription);

    /// <summary>A flag counts as uploaded when at least one of its head sessions is a real (not carried-forward) upload.</summary>
    private static bool WasUploaded(SessionFlags flags, string flag) =>
        flags.Flags.Any(kv => kv.Value.Contains(flag, StringComparer.Ordinal) && !flags.IsCarriedForward(kv.Key));

    private static StatusResult? ToResult(string context, StatusOutcome outcome, string description) => outcome switch
    {
        StatusOutcome.Success => new(context, StatusState.Success, description),
        StatusOutcome.Failure => new(context, StatusState.Failure, description),
        StatusOutcome.Error => new(context, StatusState.Error, description),
        _ => null,
    };
}
