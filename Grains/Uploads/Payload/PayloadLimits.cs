namespace Codecov.Grains.Uploads.Payload;

/// <summary>
/// Caps on what one upload may inflate to, against decompression bombs.
/// <paramref name="MaxBytes"/> bounds everything read and inflated for the upload together;
/// beyond <paramref name="RatioAllowanceBytes"/> of output, inflating more than
/// <paramref name="MaxRatio"/> bytes per compressed byte is refused.
/// </summary>
public sealed record PayloadLimits(
    long MaxBytes = PayloadLimits.DefaultMaxBytes,
    int MaxRatio = 1000,
    long RatioAllowanceBytes = 1024 * 1024)
{
    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    public static PayloadLimits Default { get; } = new();
}
