using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// gcovr's JSON is no Codecov format: no processor claims it and Codecov ends the upload as
/// <c>report_empty</c>. Here too no format claims it, so the upload parser rejects it with that code.
/// </summary>
public sealed class GcovrJsonTests
{
    private const string Folder = "gcovr-json/cjson";

    [Fact]
    public void No_format_claims_gcovr_json() =>
        Assert.Null(FormatRegistry.Default.Detect(TextFixtureReport.Probe(Folder, "gcovr.json")));

    [Fact]
    public void The_upload_is_rejected_with_codecovs_error_code()
    {
        var error = Assert.Throws<ReportRejectedException>(() => TextFixtureReport.Parse(Folder));
        Assert.Equal(TextFixtureReport.ExpectedError(Folder), error.Code);
        Assert.Contains("gcovr.json", error.Message);
    }
}
