namespace Codecov.Grains.Repositories;

[GenerateSerializer, Immutable, Alias("codecov.RepositoryInfo")]
public sealed record RepositoryInfo(
    [property: Id(0)] RepositoryKey Key,
    [property: Id(1)] string UploadToken,
    [property: Id(2)] bool IsPrivate,
    [property: Id(3)] string DefaultBranch,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? ProviderToken = null)
{
    /// <summary>Never prints the provider token.</summary>
    public override string ToString() => $"{Key} (private: {IsPrivate}, default branch: {DefaultBranch})";
}
