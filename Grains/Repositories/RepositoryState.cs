namespace Codecov.Grains.Repositories;

[GenerateSerializer, Alias("codecov.RepositoryState")]
public sealed class RepositoryState
{
    [Id(0)] public RepositoryInfo? Info { get; set; }
}
