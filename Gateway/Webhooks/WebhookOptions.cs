namespace Codecov.Gateway.Webhooks;

/// <summary>Provider webhooks (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The secret GitHub signs deliveries with; without it the endpoint refuses every delivery.</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>Largest accepted delivery (GitHub caps payloads at 25 MB).</summary>
    public long MaxBodyBytes { get; set; } = 25L * 1024 * 1024;
}
