namespace Codecov.Grains.Uploads;

[GenerateSerializer, Alias("codecov.UploadState")]
public sealed class UploadState
{
    [Id(0)] public UploadInfo? Info { get; set; }

    /// <summary>Where the raw payload is stored, once the uploader sent it.</summary>
    [Id(1)] public string? RawObjectKey { get; set; }

    /// <summary>Processing attempts that failed for a transient reason.</summary>
    [Id(2)] public int FailedAttempts { get; set; }
}
