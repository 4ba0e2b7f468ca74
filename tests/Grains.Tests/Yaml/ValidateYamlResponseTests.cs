using Codecov.Grains.Yaml;

namespace Codecov.Grains.Tests.Yaml;

// The texts are codecov-api's validate/views.py V1 handler's.
public sealed class ValidateYamlResponseTests
{
    [Fact]
    public void An_empty_body_is_no_content() =>
        Assert.Equal(new ValidateYamlResponse(400, "No content posted."), ValidateYamlResponse.ForBody(""));

    [Fact]
    public void Unparseable_yaml_is_reported_as_such() =>
        Assert.Equal(new ValidateYamlResponse(400, "Can't parse YAML\n"), ValidateYamlResponse.ForBody("a: [1, 2\nb: 3"));

    [Theory]
    [InlineData("just a string")]
    [InlineData("- a\n- b\n")]
    [InlineData("# only a comment\n")]
    public void A_document_that_is_not_a_mapping_is_no_file(string body) =>
        Assert.Equal(new ValidateYamlResponse(400, "No file posted."), ValidateYamlResponse.ForBody(body));

    [Fact]
    public void Valid_yaml_answers_valid_with_the_normalised_document_as_json()
    {
        var response = ValidateYamlResponse.ForBody("coverage:\n  range: 70..90\n  status:\n    project:\n      default:\n        target: 80%\n");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            "Valid!\n\n{\n  \"coverage\": {\n    \"range\": [\n      70.0,\n      90.0\n    ],\n    \"status\": {\n      \"project\": {\n        \"default\": {\n          \"target\": 80.0\n        }\n      }\n    }\n  }\n}\n",
            response.Body);
    }

    [Fact]
    public void Invalid_yaml_names_the_location_like_codecov_then_lists_further_errors()
    {
        var response = ValidateYamlResponse.ForBody("coverage:\n  precision: 100\n  round: x\n");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(
            "Error at ['coverage', 'precision']: \ncoverage.precision: max value is 99 (line 2)\n" +
            "coverage.round: unallowed value x; must be one of: down, up, nearest (line 3)\n",
            response.Body);
    }

    [Fact]
    public void An_alias_bomb_cannot_be_parsed()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        Assert.Equal(400, ValidateYamlResponse.ForBody(bomb, new YamlReadLimits(MaxNodes: 5_000)).StatusCode);
    }

    [Fact]
    public void Get_explains_how_to_post_a_file() =>
        Assert.Equal("Usage:\n\ncurl -X POST --data-binary @codecov.yml https://codecov.example/validate\n",
            ValidateYamlResponse.Usage("https://codecov.example/").Body);
}
