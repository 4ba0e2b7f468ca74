namespace Codecov.Grains.Paths;

/// <summary>
/// The codecov.yml parts that decide an upload's paths (codecov-semantics §2), as the user wrote them.
/// <paramref name="Ignore"/> holds the top-level <c>ignore</c> plus the upload's flags' <c>ignore</c>
/// entries; <paramref name="FlagPaths"/> the flags' <c>paths</c> (null when no flag sets any).
/// <paramref name="DisableDefaultPathFixes"/> is <c>codecov.disable_default_path_fixes</c>.
/// </summary>
public sealed record PathFixingRules(
    IReadOnlyList<string> Fixes,
    IReadOnlyList<string> Ignore,
    IReadOnlyList<string>? FlagPaths,
    bool DisableDefaultPathFixes = false)
{
    public static PathFixingRules None { get; } = new([], [], null);
}
