namespace Codecov.Grains.Pulls;

/// <summary>
/// A pull request as Codecov keeps it: its latest head and base, and the id of the coverage
/// comment (so <c>comment.behavior</c> can edit, delete or leave it). Key: <see cref="PullKey"/>.
/// </summary>
[Alias("codecov.IPullGrain")]
public interface IPullGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<PullRecord?> GetAsync();

    /// <summary>Records what the provider said of the pull request (webhook or API).</summary>
    [Alias("Update")]
    Task<PullRecord> UpdateAsync(PullUpdate update);

    /// <summary>Remembers the coverage comment (null when it was deleted).</summary>
    [Alias("SetComment")]
    Task SetCommentAsync(long? commentId);
}

[GenerateSerializer, Immutable, Alias("codecov.PullKey")]
public sealed record PullKey([property: Id(0)] RepositoryKey Repository, [property: Id(1)] int Number)
{
    private const string Separator = "/pull/";

    public override string ToString() => $"{Repository}{Separator}{Number}";

    public static PullKey Parse(string key)
    {
        var cut = key.LastIndexOf(Separator, StringComparison.Ordinal);
        if (cut < 0) throw new FormatException($"'{key}' is not a pull request key.");
        return new PullKey(RepositoryKey.Parse(key[..cut]),
            int.Parse(key[(cut + Separator.Length)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

[GenerateSerializer, Immutable, Alias("codecov.PullUpdate")]
public sealed record PullUpdate(
    [property: Id(0)] string State,
    [property: Id(1)] string HeadSha,
    [property: Id(2)] string HeadBranch,
    [property: Id(3)] string BaseSha,
    [property: Id(4)] string BaseBranch,
    [property: Id(5)] string? Title);

[GenerateSerializer, Immutable, Alias("codecov.PullRecord")]
public sealed record PullRecord(
    [property: Id(0)] PullKey Key,
    [property: Id(1)] PullUpdate Latest,
    [property: Id(2)] long? CommentId,
    [property: Id(3)] bool CommentEverPosted,
    [property: Id(4)] DateTimeOffset UpdatedAt);
