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

    /// <summary>Direct-to-S3 mode: how long an upload waits for its payload before it ends as <c>file_not_in_storage</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00", ErrorMessage = "Processing:DirectUploadDeadline must be between 100 ms and 7 days.")]
    public TimeSpan DirectUploadDeadline { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Direct-to-S3 mode: first storage check; the interval doubles up to <see cref="DirectUploadMaxCheckInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Processing:DirectUploadFirstCheck must be between 10 ms and 1 hour.")]
    public TimeSpan DirectUploadFirstCheck { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Processing:DirectUploadMaxCheckInterval must be between 10 ms and 1 hour.")]
    public TimeSpan DirectUploadMaxCheckInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Cluster mode's default for <see cref="ResumeReminderPeriod"/>: Orleans' minimum reminder period.</summary>
    public static readonly TimeSpan DefaultResumeReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While an upload is unfinished, a durable reminder wakes its grain at this period, so uploads of a
    /// silo that died resume on another silo without waiting for a restart's sweep. Null: no reminder
    /// (embedded mode has one silo, and its start-up sweep resumes everything). Cluster mode sets
    /// <see cref="DefaultResumeReminderPeriod"/> unless configured.
    /// </summary>
    public TimeSpan? ResumeReminderPeriod { get; set; }

    public TimeSpan? MaxReportAge => MaxReportAgeHours > 0 ? TimeSpan.FromHours(MaxReportAgeHours) : null;
}
