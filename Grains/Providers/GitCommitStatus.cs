namespace Codecov.Grains.Providers;

/// <summary>A commit status as posted on the provider (ours or another CI's).</summary>
public sealed record GitCommitStatus(string Context, CommitStatusState State, string? Description, string? TargetUrl);
