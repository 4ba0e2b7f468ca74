using System.Security.Cryptography;
using System.Text;

namespace Codecov.Gateway.Auth;

/// <summary>Compares a presented secret with a configured one without leaking either through timing.</summary>
public static class SecretComparison
{
    /// <summary>
    /// Both sides are hashed first so the comparison takes the same time whatever the lengths;
    /// an absent configured secret never matches.
    /// </summary>
    public static bool Matches(string? presented, string? configured)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(configured)) return false;
        var left = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var right = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
