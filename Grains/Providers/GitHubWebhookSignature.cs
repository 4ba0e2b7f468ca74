using System.Security.Cryptography;
using System.Text;

namespace Codecov.Grains.Providers;

/// <summary>
/// GitHub signs each delivery with <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>
/// keyed by the webhook secret; the comparison is constant-time so timing reveals nothing of the digest.
/// </summary>
public sealed class GitHubWebhookSignature(string secret)
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    private readonly byte[] key = Encoding.UTF8.GetBytes(secret);

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (key.Length == 0 || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>The header value GitHub would send for <paramref name="body"/> (tests and redelivery tools).</summary>
    public string Sign(ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
}
