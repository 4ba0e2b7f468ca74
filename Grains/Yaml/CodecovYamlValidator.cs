namespace Codecov.Grains.Yaml;

/// <summary>The outcome of validating a codecov.yml: the normalised document, or every error found.</summary>
public sealed record CodecovYamlValidation(CodecovYaml? Document, IReadOnlyList<YamlValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Codecov's <c>validate_yaml</c> (shared <c>yaml/validation.py</c>; codecov-semantics §2): the
/// pre-processing that hoists old keys, then the user schema. Like Codecov, any error (an unknown
/// key included: Cerberus rejects unknown fields) makes the whole file invalid; we report them all,
/// Codecov reports the first.
/// </summary>
public static class CodecovYamlValidator
{
    private static readonly string[] HoistedFromCoverage = ["flags", "parsers", "ignore", "fixes"];

    public static CodecovYamlValidation Validate(CodecovYaml document)
    {
        var scope = new YamlValidationScope();
        var normalised = CodecovUserSchema.Root.Apply(PreProcess(document.Root), [], scope) as YamlMapping;
        return scope.Errors.Count == 0
            ? new CodecovYamlValidation(new CodecovYaml(normalised!), [])
            : new CodecovYamlValidation(null, scope.Errors);
    }

    /// <summary>
    /// <c>pre_process_yaml</c>: <c>coverage.{flags,parsers,ignore,fixes}</c> move to the top level
    /// (replacing any top-level value), and <c>codecov.notify.require_ci_to_pass</c> becomes
    /// <c>codecov.require_ci_to_pass</c>; the reserved top-level <c>to_string</c> key is dropped.
    /// </summary>
    internal static YamlMapping PreProcess(YamlMapping root)
    {
        if (root["coverage"] is YamlMapping coverage)
        {
            foreach (var key in HoistedFromCoverage.Where(coverage.ContainsKey))
            {
                var entry = coverage.Entries.First(e => e.Key == key);
                root = root.With(key, entry.Value, entry.KeyPosition);
                coverage = coverage.Without(key);
            }
            root = root.With("coverage", coverage);
        }
        if (root["codecov"] is YamlMapping codecov && codecov["notify"] is YamlMapping { Count: > 0 } notify
            && notify.Entries.FirstOrDefault(e => e.Key == "require_ci_to_pass") is { } moved)
        {
            codecov = codecov.With("notify", notify.Without(moved.Key)).With(moved.Key, moved.Value, moved.KeyPosition);
            root = root.With("codecov", codecov);
        }
        return root.Without("to_string");
    }
}
