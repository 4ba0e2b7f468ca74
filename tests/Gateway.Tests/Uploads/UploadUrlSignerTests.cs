using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class UploadUrlSignerTests
{
    private const string Key = "github/acme/widgets/0123456789abcdef0123456789abcdef01234567/3f1c";
    private const string Secret = "0123456789abcdef0123456789abcdef-test";

    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    private UploadUrlSigner Signer(string secret = Secret) => new(secret, clock);

    [Fact]
    public void Fresh_signature_verifies()
    {
        var signature = Signer().Sign(Key, TimeSpan.FromHours(2));
        Assert.Equal(SignatureCheck.Valid, Signer().Verify(Key, signature.Expires.ToString(), signature.Signature));
    }

    [Fact]
    public void Expiry_is_now_plus_lifetime_in_unix_seconds() =>
        Assert.Equal(clock.Now.AddHours(2).ToUnixTimeSeconds(), Signer().Sign(Key, TimeSpan.FromHours(2)).Expires);

    [Fact]
    public void Signature_past_its_expiry_is_expired()
    {
        var signature = Signer().Sign(Key, TimeSpan.FromHours(2));
        clock.Now = clock.Now.AddHours(2).AddSeconds(1);
        Assert.Equal(SignatureCheck.Expired, Signer().Verify(Key, signature.Expires.ToString(), signature.Signature));
    }

    [Fact]
    public void Signature_for_another_upload_is_forged()
    {
        var signature = Signer().Sign(Key, TimeSpan.FromHours(2));
        Assert.Equal(SignatureCheck.Forged, Signer().Verify(Key + "x", signature.Expires.ToString(), signature.Signature));
    }

    [Fact]
    public void Extended_expiry_is_forged()
    {
        var signature = Signer().Sign(Key, TimeSpan.FromHours(2));
        Assert.Equal(SignatureCheck.Forged, Signer().Verify(Key, (signature.Expires + 3600).ToString(), signature.Signature));
    }

    [Fact]
    public void Signature_from_another_signing_key_is_forged()
    {
        var signature = Signer("another-key-another-key-another-key").Sign(Key, TimeSpan.FromHours(2));
        Assert.Equal(SignatureCheck.Forged, Signer().Verify(Key, signature.Expires.ToString(), signature.Signature));
    }

    [Fact]
    public void Expired_forgery_is_reported_as_forged_not_expired()
    {
        var signature = Signer().Sign(Key, TimeSpan.FromHours(2));
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(SignatureCheck.Forged, Signer().Verify(Key + "x", signature.Expires.ToString(), signature.Signature));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("1767322445", null)]
    [InlineData("soon", "00")]
    [InlineData("1767322445", "zz")]
    public void Missing_or_malformed_query_is_forged(string? expires, string? signature) =>
        Assert.Equal(SignatureCheck.Forged, Signer().Verify(Key, expires, signature));
}
