namespace Codecov.Grains.Uploads;

/// <summary>
/// One upload: keeps its own record (first learnt from its commit); reads its raw payload from the
/// object store, parses it and hands the session to its commit. Key: <see cref="UploadKey"/>.
/// </summary>
[Alias("codecov.IUploadGrain")]
public interface IUploadGrain : IGrainWithStringKey
{
    /// <summary>
    /// The raw payload is durable at <paramref name="objectKey"/>: record that and start processing.
    /// Re-delivery of the same payload is acknowledged without processing twice.
    /// </summary>
    [Alias("AcceptPayload")]
    Task<UploadInfo> AcceptPayloadAsync(string objectKey);

    /// <summary>
    /// Direct-to-S3 mode: the uploader was handed a presigned URL for <paramref name="objectKey"/>. The grain
    /// checks storage on a backing-off timer until the object appears, then processes it as if
    /// <see cref="AcceptPayloadAsync"/> had been called; past the deadline the upload ends as <c>file_not_in_storage</c>.
    /// </summary>
    [Alias("AwaitPayload")]
    Task<UploadInfo> AwaitPayloadAsync(string objectKey);

    /// <summary>The upload, or null for an unknown id.</summary>
    [Alias("Get")]
    Task<UploadInfo?> GetAsync();

    /// <summary>Resumes processing that was interrupted (called by the start-up sweep).</summary>
    [Alias("Resume")]
    Task ResumeAsync();
}
