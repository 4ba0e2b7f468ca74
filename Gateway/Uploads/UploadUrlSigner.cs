using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Codecov.Gateway.Uploads;

/// <summary>Whether a signed PUT URL may be used.</summary>
public enum SignatureCheck
{
    Valid,
    Expired,
    Forged,
}

/// <summary>The query that makes a PUT URL usable: its expiry (Unix seconds) and HMAC.</summary>
public sealed record UploadSignature(long Expires, string Signature);

/// <summary>
/// Signs and verifies the gateway's own PUT URLs: HMAC-SHA256 over the upload key and the expiry,
/// so a URL can neither be reused for another upload nor extended.
/// </summary>
public sealed class UploadUrlSigner
{
    private readonly byte[] key;
    private readonly TimeProvider time;

    public UploadUrlSigner(string signingKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingKey);
        key = Encoding.UTF8.GetBytes(signingKey);
        this.time = time;
    }

    public UploadSignature Sign(string uploadKey, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return new UploadSignature(expires, Convert.ToHexStringLower(Mac(uploadKey, expires)));
    }

    /// <summary>The signature is checked before the expiry so a forged URL never learns whether it is stale.</summary>
    public SignatureCheck Verify(string uploadKey, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)) return SignatureCheck.Forged;
        if (!TryDecodeHex(signature, out var presented)) return SignatureCheck.Forged;
        if (!CryptographicOperations.FixedTimeEquals(presented, Mac(uploadKey, expiresAt))) return SignatureCheck.Forged;
        return time.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? SignatureCheck.Expired : SignatureCheck.Valid;
    }

    private byte[] Mac(string uploadKey, long expires) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{uploadKey}\n{expires.ToString(CultureInfo.InvariantCulture)}"));

    private static bool TryDecodeHex(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != HMACSHA256.HashSizeInBytes * 2) return false;
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
