using System.Net;

namespace Codecov.Grains.Providers;

/// <summary>
/// The provider refused a call (a 4xx, or a retryable failure that outlived its retries); carries the
/// provider's own message so the commit timeline can show it verbatim.
/// </summary>
public sealed class GitProviderException : Exception
{
    public GitProviderException(HttpStatusCode? statusCode, string providerMessage, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(Describe(statusCode, providerMessage), inner)
    {
        StatusCode = statusCode;
        ProviderMessage = providerMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>Null when no response arrived (a timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string ProviderMessage { get; }

    /// <summary>Set when the provider said when to come back (rate limits).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>GitHub answers 422 instead of 404 for an unknown sha (octokit-notes §8).</summary>
    public bool IsNotFound => StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity;

    private static string Describe(HttpStatusCode? statusCode, string message) =>
        statusCode is { } code ? $"Git provider answered {(int)code}: {message}" : $"Git provider did not answer: {message}";
}
