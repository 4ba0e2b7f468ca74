namespace Codecov.Grains.Providers;

/// <summary>A pull-request comment; ids are 64-bit (github.com's already exceed <see cref="int"/>).</summary>
public sealed record GitComment(long Id, string Body);
