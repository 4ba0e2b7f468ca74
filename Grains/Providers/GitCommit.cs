namespace Codecov.Grains.Providers;

/// <summary>A commit as the provider reports it; <see cref="AuthorLogin"/> is null when the author has no account.</summary>
public sealed record GitCommit(
    string Sha,
    IReadOnlyList<string> ParentShas,
    string Message,
    string? AuthorLogin,
    string? AuthorName,
    DateTimeOffset Timestamp);
