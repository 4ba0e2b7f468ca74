using Codecov.Gateway.Auth;

namespace Codecov.Gateway.Tests.Auth;

public sealed class UploadTokenReaderTests
{
    [Theory]
    [InlineData("token abc", "abc")]
    [InlineData("Token abc", "abc")]
    [InlineData("TOKEN   abc", "abc")]
    [InlineData("Bearer abc", null)]
    [InlineData("token", null)]
    [InlineData("token a b", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Authorization_header_yields_a_token_only_with_the_token_keyword(string? header, string? expected) =>
        Assert.Equal(expected, UploadTokenReader.FromAuthorization(header));

    [Fact]
    public void Cli_routes_prefer_the_authorization_header() =>
        Assert.Equal("header", UploadTokenReader.ForCliRoutes("token header", "query", "upload"));

    [Fact]
    public void Cli_routes_treat_a_bearer_header_as_no_token() =>
        Assert.Null(UploadTokenReader.ForCliRoutes("Bearer abc", null, null));

    [Fact]
    public void Cli_routes_fall_back_to_query_then_upload_token_header()
    {
        Assert.Equal("query", UploadTokenReader.ForCliRoutes(null, "query", "upload"));
        Assert.Equal("upload", UploadTokenReader.ForCliRoutes(null, "", "upload"));
    }

    [Fact]
    public void Legacy_routes_read_the_query_before_the_header() =>
        Assert.Equal("query", UploadTokenReader.ForLegacyRoutes("query", "header"));

    [Fact]
    public void Legacy_routes_use_the_header_when_the_query_is_empty() =>
        Assert.Equal("header", UploadTokenReader.ForLegacyRoutes("", "header"));

    [Fact]
    public void Legacy_routes_with_neither_have_no_token() =>
        Assert.Null(UploadTokenReader.ForLegacyRoutes(null, ""));

    [Fact]
    public void Secret_comparison_matches_only_equal_configured_secrets()
    {
        Assert.True(SecretComparison.Matches("s3cret-s3cret-s3", "s3cret-s3cret-s3"));
        Assert.False(SecretComparison.Matches("s3cret-s3cret-s4", "s3cret-s3cret-s3"));
        Assert.False(SecretComparison.Matches("", ""));
        Assert.False(SecretComparison.Matches("x", null));
    }
}
