namespace Codecov.Grains.Yaml;

/// <summary>
/// The site YAML every merge starts from: Codecov's legacy defaults (codecov-semantics §2 "Legacy
/// defaults", shared <c>config/__init__.py</c>), normalised by the validator like any user YAML
/// (so <c>range</c> is already <c>[60.0, 80.0]</c>). A configured site YAML merges over it.
/// </summary>
public static class CodecovYamlDefaults
{
    public const string LegacyText = """
        codecov:
          require_ci_to_pass: true
          notify:
            wait_for_ci: true
        coverage:
          precision: 2
          round: down
          range: 60..80
          status:
            project: true
            patch: true
            changes: false
            default_rules:
              flag_coverage_not_uploaded_behavior: include
        comment:
          layout: "reach,diff,flags,tree,reach"
          behavior: default
          show_carryforward_flags: false
        slack_app: true
        github_checks:
          annotations: true
        """;

    public static CodecovYaml Legacy { get; } = Load(LegacyText);

    /// <summary>The legacy defaults with the install's own site YAML (configuration) merged over them.</summary>
    public static CodecovYaml Site(string? siteYaml) =>
        string.IsNullOrWhiteSpace(siteYaml) ? Legacy : CodecovYamlMerger.Merge(Legacy, Load(siteYaml));

    private static CodecovYaml Load(string text)
    {
        var parsed = CodecovYaml.Parse(text) ?? CodecovYaml.Empty;
        var validation = CodecovYamlValidator.Validate(parsed);
        return validation.Document
            ?? throw new InvalidOperationException("The site codecov.yml is invalid: " + string.Join("; ", validation.Errors));
    }
}
