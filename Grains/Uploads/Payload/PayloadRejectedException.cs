namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// An upload body that cannot be read: empty, damaged, or a decompression bomb. <see cref="Code"/>
/// is the upload's error code; the message tells the user what went wrong and what to do.
/// </summary>
public sealed class PayloadRejectedException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Codecov's code for an upload with nothing to process.</summary>
    public const string ReportEmpty = "report_empty";

    /// <summary>The body is not a readable gzip, zlib, JSON or text envelope.</summary>
    public const string Unreadable = "unsupported_file_format";

    /// <summary>Our own code: the body inflates beyond the configured size or ratio limits.</summary>
    public const string TooLarge = "payload_too_large";

    public string Code { get; } = code;
}
