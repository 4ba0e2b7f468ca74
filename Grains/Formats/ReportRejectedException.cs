namespace Codecov.Grains.Formats;

/// <summary>
/// A report Codecov would not accept. <see cref="Code"/> is Codecov's upload error code
/// (<c>report_empty</c>, <c>report_expired</c>, <c>unsupported_file_format</c>, …);
/// the message tells the user what to do.
/// </summary>
public sealed class ReportRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static ReportRejectedException Malformed(string format, string detail) =>
        new(UploadErrorCodes.UnsupportedFileFormat, $"The {format} report could not be read: {detail}");
}

/// <summary>Codecov's upload error codes (codecov-semantics §5, <c>shared/upload/constants.py</c>).</summary>
public static class UploadErrorCodes
{
    public const string FileNotInStorage = "file_not_in_storage";
    public const string ReportExpired = "report_expired";
    public const string ReportEmpty = "report_empty";
    public const string ProcessingTimeout = "processing_timeout";
    public const string UnsupportedFileFormat = "unsupported_file_format";
    public const string NoMatchingFiles = "no_matching_files";
}
