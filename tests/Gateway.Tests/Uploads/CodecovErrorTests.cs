using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Tests.Uploads;

public sealed class CodecovErrorTests
{
    [Fact]
    public void Validation_error_is_a_json_list_of_one_message() =>
        Assert.Equal("[\"Service not found: gitea\"]", CodecovError.Validation("Service not found: gitea").BodyText);

    [Fact]
    public void Field_error_maps_the_field_to_its_messages() =>
        Assert.Equal("{\"commitid\":[\"This field is required.\"]}", CodecovError.Field("commitid", "This field is required.").BodyText);

    [Fact]
    public void Backticks_are_written_raw_as_python_does() =>
        Assert.Equal("[\"Non-default `report_code` has been deprecated\"]", CodecovError.Validation("Non-default `report_code` has been deprecated").BodyText);

    [Fact]
    public void Detail_error_carries_status_and_detail()
    {
        var error = CodecovError.Detail(403, CodecovError.NoPermission);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("{\"detail\":\"You do not have permission to perform this action.\"}", error.BodyText);
    }

    [Fact]
    public void Legacy_detail_for_a_plain_text_client_is_pythons_str_of_the_data() =>
        Assert.Equal(
            "{'detail': ErrorDetail(string='Could not find a repository associated with upload token abc', code='not_found')}",
            CodecovError.LegacyDetail(404, "Could not find a repository associated with upload token abc", "not_found", acceptsJson: false).BodyText);

    [Fact]
    public void Legacy_detail_for_a_json_client_is_a_detail_object() =>
        Assert.Equal("{\"detail\":\"x\"}", CodecovError.LegacyDetail(404, "x", "not_found", acceptsJson: true).BodyText);
}
