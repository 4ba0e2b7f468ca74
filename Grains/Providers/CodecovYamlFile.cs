namespace Codecov.Grains.Providers;

/// <summary>The repository's codecov.yml at a commit: where it was found and its text.</summary>
public sealed record CodecovYamlFile(string Path, string Text);
