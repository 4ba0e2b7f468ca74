namespace Codecov.Grains.Yaml;

/// <summary>
/// Codecov's <c>UserYaml.get_final_yaml</c> and <c>merge_yamls</c> (shared <c>yaml/user_yaml.py</c>;
/// codecov-semantics §2 "Merge order"): site → owner → the commit YAML, or the repo YAML when the
/// commit has none (never both). Mappings merge deeply; lists and scalars replace wholesale.
/// </summary>
public static class CodecovYamlMerger
{
    public static CodecovYaml Final(CodecovYaml site, CodecovYaml? owner, CodecovYaml? repository, CodecovYaml? commit)
    {
        var result = site.Root;
        if (owner is not null) result = Merge(result, owner.Root);
        var repositoryLevel = commit ?? repository;
        if (repositoryLevel is not null) result = Merge(result, repositoryLevel.Root);
        return new CodecovYaml(result);
    }

    public static CodecovYaml Merge(CodecovYaml first, CodecovYaml second) => new(Merge(first.Root, second.Root));

    /// <summary><c>merge_yamls(d1, d2)</c>: keys of <paramref name="second"/> win; two mappings merge recursively.</summary>
    public static YamlMapping Merge(YamlMapping first, YamlMapping second)
    {
        var result = first;
        foreach (var entry in second.Entries)
        {
            var value = first[entry.Key] is YamlMapping mine && entry.Value is YamlMapping theirs
                ? Merge(mine, theirs)
                : entry.Value;
            result = result.With(entry.Key, value, entry.KeyPosition);
        }
        return result;
    }
}
