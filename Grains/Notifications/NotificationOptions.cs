using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Notifications;

/// <summary>When and how commits notify their git provider (<c>Notifications:*</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Off: uploads are merged, nothing is posted (the timeline says so).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quiet time after the last merge before notifying, so a burst of uploads notifies once.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First wait while CI is pending (<c>wait_for_ci</c>); doubles per attempt (Codecov: 15·2ⁿ s).</summary>
    public TimeSpan CiRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often CI is awaited before notifying anyway (Codecov: 10).</summary>
    [Range(0, 100)]
    public int CiMaxRetries { get; set; } = 10;

    /// <summary>First wait after the provider failed (5xx, timeouts, rate limits); doubles per attempt.</summary>
    public TimeSpan ProviderRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 100)]
    public int ProviderMaxRetries { get; set; } = 6;

    /// <summary>
    /// Period of the durable reminder that wakes a commit whose notification is pending after its
    /// silo died (Orleans' minimum is one minute unless <c>ReminderOptions</c> lowers it).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The site-wide codecov.yml, merged under every repository's (Codecov's install <c>site:</c> YAML).</summary>
    public string? SiteYaml { get; set; }

    /// <summary>Per-owner codecov.yml (the UI's org YAML), keyed <c>service/owner</c>.</summary>
    public Dictionary<string, string> OwnerYaml { get; set; } = new(StringComparer.Ordinal);
}
