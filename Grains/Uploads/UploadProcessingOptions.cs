using System.ComponentModel.DataAnnotations;

namespace Codecov.Grains.Uploads;

/// <summary>How uploads are processed (<c>Processing:*</c>).</summary>
public sealed class UploadProcessingOptions
{
    public const string SectionName = "Processing";

    /// <summary>
    /// Codecov's <c>codecov.max_report_age</c> in hours (default 12): XML reports whose own timestamp
    /// is older are rejected as <c>report_expired</c>. 0 switches the check off.
    /// </summary>
    [Range(0, 24 * 365 * 10)]
    public double MaxReportAgeHours { get; set; } = 12;

    /// <summary>Retries of a processing attempt that failed for a transient reason (storage unreachable…).</summary>
    [Range(0, 100)]
    public int MaxTransientRetries { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan? MaxReportAge => MaxReportAgeHours > 0 ? TimeSpan.FromHours(MaxReportAgeHours) : null;
}
