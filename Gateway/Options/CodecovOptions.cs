using System.ComponentModel.DataAnnotations;

namespace Codecov.Gateway.Options;

/// <summary>The gateway's Codecov settings (section <c>Codecov</c>).</summary>
public sealed class CodecovOptions
{
    public const string SectionName = "Codecov";

    /// <summary>
    /// Site-wide upload token accepted for every repository (Codecov's self-hosted
    /// <c>global_upload_token</c>, protocol §7.2). Repositories are created on first use.
    /// </summary>
    public string? GlobalUploadToken { get; set; }

    /// <summary>Bearer token that may read every repository through the API.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Largest accepted upload body, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Codecov:MaxUploadBytes must be a positive number of bytes.")]
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How long a signed PUT URL stays valid.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Where uploaders PUT their reports: <see cref="UploadModes.Gateway"/> (default; this gateway's signed
    /// endpoint streams into the object store and processing starts at once) or <see cref="UploadModes.DirectS3"/>
    /// (a presigned S3 URL; the upload grain watches the bucket). DirectS3 needs cluster mode's S3 store.
    /// </summary>
    public UploadModes UploadMode { get; set; } = UploadModes.Gateway;

    /// <summary>HMAC key for signed PUT URLs; every gateway of a cluster must share it.</summary>
    public string? UploadSigningKey { get; set; }

    /// <summary>
    /// The git service a global token speaks for on the legacy endpoint, where the query's
    /// <c>service</c> names a CI, not a git host (protocol §6: "with a global token, service = the git service").
    /// </summary>
    [Required(ErrorMessage = "Codecov:GlobalTokenGitService is required.")]
    public string GlobalTokenGitService { get; set; } = "github";
}

/// <summary><c>Codecov:UploadMode</c> values (DESIGN "Request flow" step 2).</summary>
public enum UploadModes
{
    Gateway,
    DirectS3,
}
