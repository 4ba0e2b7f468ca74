using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class CodecovBodiesTests
{
    [Fact]
    public void V4_answer_is_two_lines_without_a_trailing_newline()
    {
        var body = CodecovBodies.V4("https://c/github/a/b/commit/1", "https://c/upload/put/x?expires=1&signature=s");
        Assert.Equal("https://c/github/a/b/commit/1\nhttps://c/upload/put/x?expires=1&signature=s", body);
        Assert.Equal(2, body.Split('\n').Length);
    }

    [Fact]
    public void V2_answer_uses_pythons_separators()
    {
        var body = CodecovBodies.V2("1b2c", "https://c/github/a/b/commit/1");
        Assert.Equal(
            "{\"message\": \"Coverage reports upload successfully\", \"uploaded\": true, \"queued\": true, \"id\": \"1b2c\", \"url\": \"https://c/github/a/b/commit/1\"}",
            body);
        Assert.Contains("\"uploaded\": true", body);
    }

    [Fact]
    public void Created_at_has_microseconds_and_a_z_suffix() =>
        Assert.Equal(
            "2026-01-02T03:04:05.123456Z",
            CodecovBodies.Timestamp(new DateTimeOffset(2026, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234560)));
}
