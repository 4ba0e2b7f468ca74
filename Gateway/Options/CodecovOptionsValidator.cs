using Codecov.Gateway.Uploads;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Options;

/// <summary>Rules across <see cref="CodecovOptions"/> fields that data annotations cannot express.</summary>
public sealed class CodecovOptionsValidator : IValidateOptions<CodecovOptions>
{
    /// <summary>Short keys are guessable; HMAC keys shorter than this add no strength.</summary>
    internal const int MinimumSigningKeyLength = 32;

    internal const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, CodecovOptions options)
    {
        var failures = new List<string>();
        CheckLifetime(options.UploadUrlLifetime, failures);
        CheckSecret("Codecov:GlobalUploadToken", options.GlobalUploadToken, MinimumTokenLength, failures);
        CheckSecret("Codecov:AdminToken", options.AdminToken, MinimumTokenLength, failures);
        CheckSecret("Codecov:UploadSigningKey", options.UploadSigningKey, MinimumSigningKeyLength, failures);
        if (options.GlobalUploadToken is { Length: > 0 } global && global == options.AdminToken)
        {
            failures.Add("Codecov:AdminToken must differ from Codecov:GlobalUploadToken: an upload token must not grant read access.");
        }

        if (!GitServices.IsKnown(options.GlobalTokenGitService))
        {
            failures.Add($"Codecov:GlobalTokenGitService '{options.GlobalTokenGitService}' is not one of {string.Join(", ", GitServices.All)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLifetime(TimeSpan lifetime, List<string> failures)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(7))
        {
            failures.Add($"Codecov:UploadUrlLifetime '{lifetime}' must be positive and at most 7 days.");
        }
    }

    private static void CheckSecret(string key, string? value, int minimumLength, List<string> failures)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.Length < minimumLength || value.Any(char.IsWhiteSpace))
        {
            failures.Add($"{key} must be at least {minimumLength} characters without whitespace.");
        }
    }
}
