using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Codecov.Grains.Storage;

/// <summary>Rules across <see cref="S3Options"/> fields that data annotations cannot express; each message names its key.</summary>
public sealed partial class S3OptionsValidator : IValidateOptions<S3Options>
{
    public ValidateOptionsResult Validate(string? name, S3Options options)
    {
        var failures = new List<string>();
        CheckEndpoint(options, failures);
        // S3's bucket naming rules: 3–63 lowercase letters, digits, dots and hyphens, starting and ending alphanumeric.
        if (options.Bucket.Length > 0 && !BucketName().IsMatch(options.Bucket))
        {
            failures.Add($"S3:Bucket '{options.Bucket}' is not a valid bucket name (3-63 lowercase letters, digits, '.' or '-').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(S3Options options, List<string> failures)
    {
        var endpoint = options.Endpoint;
        if (endpoint.Length == 0) return;
        if (endpoint.Contains("://", StringComparison.Ordinal) || endpoint.Contains('/'))
        {
            failures.Add($"S3:Endpoint '{endpoint}' must be host or host:port without scheme or path; set S3:UseSsl for TLS.");
            return;
        }
        var colon = endpoint.LastIndexOf(':');
        if (colon >= 0 && !(int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535))
        {
            failures.Add($"S3:Endpoint '{endpoint}' has an invalid port.");
            return;
        }
        if (options.PathStyle == options.IsAwsEndpoint)
        {
            failures.Add(options.PathStyle
                ? $"S3:PathStyle=true cannot be honoured for the AWS endpoint '{endpoint}': the Minio SDK uses virtual-hosted style there; set S3:PathStyle=false."
                : $"S3:PathStyle=false cannot be honoured for '{endpoint}': the Minio SDK uses path style for every non-AWS endpoint; set S3:PathStyle=true.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
