namespace Codecov.Grains;

/// <summary>
/// The one place that writes and reads grain keys: <c>github/acme/widgets</c> for a repository,
/// <c>github/acme/widgets/&lt;sha&gt;</c> for a commit, <c>…/&lt;sha&gt;/&lt;upload id&gt;</c> for an upload.
/// Owners never contain <c>/</c> (sub-groups are joined with <c>:</c>, as Codecov stores them).
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.RepositoryKey")]
public sealed record RepositoryKey([property: Id(0)] string Service, [property: Id(1)] string Owner, [property: Id(2)] string Name)
{
    public override string ToString() => $"{Service}/{Owner}/{Name}";

    public CommitKey Commit(string sha) => new(this, sha);

    public static RepositoryKey Parse(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 3) throw new FormatException($"'{key}' is not a repository key (service/owner/name).");
        return new RepositoryKey(parts[0], parts[1], parts[2]);
    }
}

[GenerateSerializer, Immutable, Alias("codecov.CommitKey")]
public sealed record CommitKey([property: Id(0)] RepositoryKey Repository, [property: Id(1)] string Sha)
{
    public override string ToString() => $"{Repository}/{Sha}";

    public UploadKey Upload(string uploadId) => new(this, uploadId);

    public static CommitKey Parse(string key)
    {
        var cut = key.LastIndexOf('/');
        if (cut < 0) throw new FormatException($"'{key}' is not a commit key.");
        return new CommitKey(RepositoryKey.Parse(key[..cut]), key[(cut + 1)..]);
    }
}

[GenerateSerializer, Immutable, Alias("codecov.UploadKey")]
public sealed record UploadKey([property: Id(0)] CommitKey Commit, [property: Id(1)] string UploadId)
{
    public override string ToString() => $"{Commit}/{UploadId}";

    public static UploadKey Parse(string key)
    {
        var cut = key.LastIndexOf('/');
        if (cut < 0) throw new FormatException($"'{key}' is not an upload key.");
        return new UploadKey(CommitKey.Parse(key[..cut]), key[(cut + 1)..]);
    }
}
