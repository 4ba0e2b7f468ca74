namespace Codecov.Grains.Providers;

/// <summary>The four states GitHub's commit status API knows; check runs are mapped onto them.</summary>
public enum CommitStatusState
{
    Pending,
    Success,
    Failure,
    Error,
}
