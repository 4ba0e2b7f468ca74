using Codecov.Grains.Providers;
using Codecov.Grains.Yaml;

namespace Codecov.Grains.Notifications;

/// <summary>The codecov.yml in force for a commit, and what was wrong with the commit's own file, if anything.</summary>
public sealed record LoadedYaml(CodecovYaml Final, string? CommitYamlPath, string? Problem);

/// <summary>
/// Codecov's merge order (codecov-semantics §2): site → owner → the commit's codecov.yml. An
/// unreadable or invalid commit file is reported (Codecov's <c>INVALID_YAML</c>) and the site and
/// owner YAML are used without it.
/// </summary>
public sealed class CommitYamlLoader(IGitProvider provider, CodecovYaml site, IReadOnlyDictionary<string, CodecovYaml> owners)
{
    /// <summary>The loader for the configured site and owner YAML; an invalid one stops the process at start.</summary>
    public static CommitYamlLoader Create(IGitProvider provider, NotificationOptions options) =>
        new(provider, CodecovYamlDefaults.Site(options.SiteYaml),
            options.OwnerYaml.ToDictionary(kv => kv.Key, kv => Owner(kv.Key, kv.Value), StringComparer.Ordinal));

    private static CodecovYaml Owner(string owner, string text)
    {
        var validation = CodecovYamlValidator.Validate(CodecovYaml.Parse(text) ?? CodecovYaml.Empty);
        return validation.Document ?? throw new InvalidOperationException(
            $"Notifications:OwnerYaml:{owner} is invalid: {string.Join("; ", validation.Errors)}");
    }

    public async Task<LoadedYaml> LoadAsync(RepositoryKey repository, GitRepository repo, string sha, CancellationToken cancellationToken)
    {
        var owner = owners.GetValueOrDefault($"{repository.Service}/{repository.Owner}");
        var file = await provider.FindCodecovYamlAsync(repo, sha, cancellationToken);
        if (file is null) return new LoadedYaml(CodecovYamlMerger.Final(site, owner, null, null), null, null);

        var (commit, problem) = Read(file.Text);
        var final = CodecovYamlMerger.Final(site, owner, null, commit);
        return new LoadedYaml(final, file.Path, problem is null ? null : $"{file.Path} is invalid, site defaults used: {problem}");
    }

    /// <summary>The site and owner YAML alone, for when the commit's own file cannot be asked for.</summary>
    public CodecovYaml WithoutCommitFile(RepositoryKey repository) =>
        CodecovYamlMerger.Final(site, owners.GetValueOrDefault($"{repository.Service}/{repository.Owner}"), null, null);

    private static (CodecovYaml? Yaml, string? Problem) Read(string text)
    {
        try
        {
            var parsed = CodecovYaml.Parse(text);
            if (parsed is null) return (null, null);
            var validation = CodecovYamlValidator.Validate(parsed);
            return validation.IsValid ? (validation.Document, null) : (null, string.Join("; ", validation.Errors));
        }
        catch (CodecovYamlException e)
        {
            return (null, $"{e.Problem} (line {e.Position.Line})");
        }
    }
}
