using System.Text;
using Codecov.Grains.Providers;

namespace Codecov.Grains.Tests.Providers;

public sealed class GitHubWebhookSignatureTests
{
    // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
    private const string DocumentedSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    private readonly GitHubWebhookSignature signature = new("It's a Secret to Everybody");

    [Fact]
    public void GitHubs_documented_example_verifies()
    {
        Assert.True(signature.IsValid(Body, DocumentedSignature));
        Assert.Equal(DocumentedSignature, signature.Sign(Body));
    }

    [Fact]
    public void Upper_case_hex_is_accepted()
    {
        Assert.True(signature.IsValid(Body, "sha256=" + DocumentedSignature["sha256=".Length..].ToUpperInvariant()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e")]
    public void A_missing_malformed_or_wrong_signature_is_rejected(string? header)
    {
        Assert.False(signature.IsValid(Body, header));
    }

    [Fact]
    public void A_changed_body_is_rejected()
    {
        Assert.False(signature.IsValid(Encoding.UTF8.GetBytes("Hello, World?"), DocumentedSignature));
    }

    [Fact]
    public void Another_secret_is_rejected()
    {
        Assert.False(new GitHubWebhookSignature("another secret").IsValid(Body, DocumentedSignature));
    }

    [Fact]
    public void An_empty_secret_accepts_nothing()
    {
        var empty = new GitHubWebhookSignature(string.Empty);

        Assert.False(empty.IsValid(Body, "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Array.Empty<byte>(), Body))));
    }
}
