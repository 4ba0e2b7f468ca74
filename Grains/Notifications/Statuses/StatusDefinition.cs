namespace Codecov.Grains.Notifications.Statuses;

public enum StatusType
{
    Project,
    Patch,
    Changes,
}

/// <summary>The state a provider shows for a commit status.</summary>
public enum StatusState
{
    Success,
    Failure,
    Error,
}

/// <summary>The values of <c>if_not_found</c> and <c>if_ci_failed</c>; <c>ignore</c> sends nothing.</summary>
public enum StatusOutcome
{
    Success,
    Failure,
    Error,
    Ignore,
}

/// <summary><c>removed_code_behavior</c> (codecov-semantics §4 "Project status"); <c>off</c> and <c>false</c> are <see cref="Off"/>.</summary>
public enum RemovedCodeBehavior
{
    AdjustBase,
    RemovalsOnly,
    FullyCoveredPatch,
    Off,
}

/// <summary><c>flag_coverage_not_uploaded_behavior</c> (§2, §4 gate 4).</summary>
public enum FlagCoverageNotUploadedBehavior
{
    Include,
    Exclude,
    Pass,
}

/// <summary>
/// One configured status (a <c>coverage.status.{project,patch,changes}.&lt;name&gt;</c> entry, or a flag or
/// component status), as the lead maps it from codecov.yml. <see cref="Target"/> null means <c>auto</c>;
/// <see cref="Threshold"/> is in percent points. <see cref="RemovedCodeBehavior"/> null means "not set"
/// (Codecov then uses <c>adjust_base</c>). <see cref="NamePrefix"/> is set for flag and component statuses,
/// whose title is <c>name_prefix + flag</c>. <see cref="AfterNBuilds"/> is the flag's <c>after_n_builds</c>.
/// </summary>
public sealed record StatusDefinition(
    StatusType Type,
    string Title = StatusDefinition.DefaultTitle,
    decimal? Target = null,
    decimal Threshold = 0m,
    IReadOnlyList<string>? Flags = null,
    IReadOnlyList<string>? Paths = null,
    IReadOnlyList<string>? Branches = null,
    bool Informational = false,
    bool OnlyPulls = false,
    StatusOutcome IfCiFailed = StatusOutcome.Error,
    StatusOutcome IfNotFound = StatusOutcome.Success,
    RemovedCodeBehavior? RemovedCodeBehavior = null,
    FlagCoverageNotUploadedBehavior FlagCoverageNotUploadedBehavior = FlagCoverageNotUploadedBehavior.Include,
    bool BaseIsPr = false,
    int? AfterNBuilds = null)
{
    public const string DefaultTitle = "default";

    /// <summary>A flag_management status: title <c>name_prefix + flag</c>, filtered by that flag.</summary>
    public static StatusDefinition ForFlag(StatusType type, string namePrefix, string flag) =>
        new(type, namePrefix + flag, Flags: [flag]);

    /// <summary>A component_management status: title <c>name_prefix + component name</c>.</summary>
    public static StatusDefinition ForComponent(StatusType type, string namePrefix, string componentName, IReadOnlyList<string> flags, IReadOnlyList<string> paths) =>
        new(type, namePrefix + componentName, Flags: flags, Paths: paths);

    /// <summary>
    /// The status context (worker <c>get_status_external_name</c>): <c>codecov/project</c>, or
    /// <c>codecov/project/&lt;title&gt;</c> when the title is not <c>default</c> (§4 "Names").
    /// </summary>
    public string Context
    {
        get
        {
            var type = Type switch { StatusType.Project => "project", StatusType.Patch => "patch", _ => "changes" };
            return Title == DefaultTitle ? $"codecov/{type}" : $"codecov/{type}/{Title}";
        }
    }

    public bool HasCustomTarget => Target is not null;
}
