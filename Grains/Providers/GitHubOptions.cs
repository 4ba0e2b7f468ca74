using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Providers;

/// <summary>The GitHub (or GitHub Enterprise) the silo talks to (<c>GitHub:*</c>).</summary>
public sealed class GitHubOptions : IValidatableObject
{
    public const string SectionName = "GitHub";

    /// <summary>
    /// REST base address. For any host other than github.com Octokit uses
    /// <c>scheme://host:port/api/v3/</c> and ignores the path given here (octokit-notes §1),
    /// so a GitHub Enterprise server is configured by its root URL.
    /// </summary>
    [Required]
    public string ApiUrl { get; set; } = "https://api.github.com/";

    /// <summary>The bot token; a repository's own token overrides it. Empty means anonymous calls.</summary>
    public string? Token { get; set; }

    /// <summary>Per request; Octokit's own default is 100 s (octokit-notes §8).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for rate limits, 5xx and timeouts; 4xx are never retried.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step; each retry doubles it, plus up to the same again as jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for a rate-limit reset or <c>Retry-After</c>; a longer one fails at once with
    /// <see cref="GitProviderException.RetryAfter"/> so the caller can reschedule instead of holding a grain.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(ApiUrl)} must be an absolute http(s) URL, got '{ApiUrl}'.", [nameof(ApiUrl)]);
        }
    }
}
