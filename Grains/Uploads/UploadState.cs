namespace Codecov.Grains.Uploads;

[GenerateSerializer, Alias("codecov.UploadState")]
public sealed class UploadState
{
    [Id(0)] public UploadInfo? Info { get; set; }

    /// <summary>Where the raw payload is stored, once the uploader sent it.</summary>
    [Id(1)] public string? RawObjectKey { get; set; }

    /// <summary>Processing attempts that failed for a transient reason.</summary>
    [Id(2)] public int FailedAttempts { get; set; }

    /// <summary>Direct-to-S3 mode: where the uploader was told to PUT the payload, while it has not arrived.</summary>
    [Id(3)] public string? AwaitedObjectKey { get; set; }

    /// <summary>Direct-to-S3 mode: when waiting for the payload gives up.</summary>
    [Id(4)] public DateTimeOffset? AwaitDeadline { get; set; }
}
