using Microsoft.Extensions.Logging;
using Octokit;

namespace Codecov.Grains.Providers;

/// <summary>
/// Runs one provider call with retries: rate limits wait for their reset or <c>Retry-After</c>
/// (capped), 429/5xx/timeouts/connection failures back off exponentially with jitter, and any other
/// 4xx fails at once as a <see cref="GitProviderException"/> with GitHub's message (octokit-notes §8).
/// </summary>
internal sealed class GitHubRetryPolicy(GitHubOptions options, TimeProvider time, ILogger logger, Random? random = null)
{
    /// <summary>GitHub's advice when a secondary limit comes without <c>Retry-After</c>: wait at least a minute.</summary>
    private static readonly TimeSpan SecondaryLimitDefault = TimeSpan.FromMinutes(1);

    private readonly Random random = random ?? Random.Shared;

    public async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex, attempt) is { } outcome)
            {
                if (outcome.Wait is not { } wait || attempt >= options.MaxRetries)
                {
                    throw outcome.Failure;
                }
                logger.LogWarning("GitHub {Operation} failed ({Reason}); retry {Attempt} of {MaxRetries} in {Delay}",
                    operation, outcome.Failure.Message, attempt + 1, options.MaxRetries, wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>What to do after a failure: wait and retry (<see cref="Outcome.Wait"/> set) or give up with the failure.</summary>
    private Outcome? Classify(Exception ex, int attempt) => ex switch
    {
        RateLimitExceededException limit => UntilReset(limit, limit.Reset - time.GetUtcNow()),
        SecondaryRateLimitExceededException limit => UntilReset(limit, RetryAfter(limit) ?? SecondaryLimitDefault),
        ApiException api when (int)api.StatusCode == 429 => UntilReset(api, RetryAfter(api) ?? Backoff(attempt)),
        ApiException api when (int)api.StatusCode >= 500 => new Outcome(Backoff(attempt), Failed(api)),
        ApiException api => new Outcome(null, Failed(api)),
        // Octokit reports its request timeout as a cancellation (octokit-notes §8).
        OperationCanceledException => new Outcome(Backoff(attempt),
            new GitProviderException(null, $"timed out after {options.RequestTimeout}", inner: ex)),
        HttpRequestException http => new Outcome(Backoff(attempt), new GitProviderException(null, http.Message, inner: ex)),
        _ => null,
    };

    private Outcome UntilReset(ApiException ex, TimeSpan wait)
    {
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        var failure = new GitProviderException(ex.StatusCode, MessageOf(ex), wait, ex);
        return new Outcome(wait <= options.MaxRateLimitWait ? wait : null, failure);
    }

    private TimeSpan Backoff(int attempt)
    {
        var step = options.RetryBaseDelay * Math.Pow(2, attempt);
        return step + step * random.NextDouble();
    }

    private static GitProviderException Failed(ApiException ex) => new(ex.StatusCode, MessageOf(ex), inner: ex);

    private static string MessageOf(ApiException ex) =>
        ex.ApiError?.Message is { Length: > 0 } message ? message : ex.Message;

    private static TimeSpan? RetryAfter(ApiException ex)
    {
        var headers = ex.HttpResponse?.Headers;
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value;
        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    private sealed record Outcome(TimeSpan? Wait, GitProviderException Failure);
}
