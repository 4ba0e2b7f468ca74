namespace Codecov.FakeGitHub;

/// <summary>What the next call to a route meets instead of (or before) its normal answer.</summary>
internal sealed record FakeFailure(int Status, string Message, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay)
{
    public static FakeFailure Error(int status, string? message) =>
        new(status, message ?? (status >= 500 ? "Server Error" : "Fake failure"), new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>Octokit turns a 403 mentioning "rate limit exceeded" into RateLimitExceededException (octokit-notes §8).</summary>
    public static FakeFailure RateLimit(DateTimeOffset reset) => new(403, "API rate limit exceeded for 127.0.0.1.",
        new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5000",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        TimeSpan.Zero);

    public static FakeFailure SecondaryRateLimit(int retryAfterSeconds) => new(403,
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        TimeSpan.Zero);

    /// <summary>Answers normally, but only after <paramref name="delay"/>: a client timeout shorter than that sees none.</summary>
    public static FakeFailure Slow(TimeSpan delay) => new(0, string.Empty, new Dictionary<string, string>(), delay);

    public bool AnswersNormally => Status == 0;
}
