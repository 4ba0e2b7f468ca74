using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Storage;

/// <summary>The S3-compatible bucket of cluster mode (<c>S3:*</c>): raw uploads and report archives.</summary>
public sealed class S3Options
{
    public const string SectionName = "S3";

    /// <summary>Host, or host:port, of the S3 API without a scheme (TLS is <see cref="UseSsl"/>), e.g. <c>s3.eu-west-1.amazonaws.com</c>.</summary>
    [Required(ErrorMessage = "S3:Endpoint is required (host or host:port, no scheme).")]
    public string Endpoint { get; set; } = "";

    /// <summary>Region the bucket lives in; S3-compatible servers mostly ignore it.</summary>
    [Required(ErrorMessage = "S3:Region is required.")]
    public string Region { get; set; } = "us-east-1";

    [Required(ErrorMessage = "S3:Bucket is required.")]
    public string Bucket { get; set; } = "";

    [Required(ErrorMessage = "S3:AccessKey is required.")]
    public string AccessKey { get; set; } = "";

    [Required(ErrorMessage = "S3:SecretKey is required.")]
    public string SecretKey { get; set; } = "";

    public bool UseSsl { get; set; } = true;

    /// <summary>
    /// Longest wait for one S3 request. Without it a request to a stalled server never returns, and the
    /// non-reentrant grain awaiting it (a commit mid-merge) blocks every later upload of that commit.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Path-style addressing (<c>host/bucket/key</c>) rather than virtual-hosted (<c>bucket.host/key</c>).
    /// The Minio SDK 7.0.0 has no switch for it: it uses virtual-hosted style for AWS endpoints and path
    /// style everywhere else, so this setting must agree with the endpoint (checked at start).
    /// </summary>
    public bool PathStyle { get; set; } = true;

    /// <summary>True for the AWS endpoints on which the Minio SDK uses virtual-hosted-style URLs.</summary>
    public bool IsAwsEndpoint => HostOf(Endpoint).EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
        || HostOf(Endpoint).EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);

    internal static string HostOf(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon < 0 ? endpoint : endpoint[..colon];
    }
}
