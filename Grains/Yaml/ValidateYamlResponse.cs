namespace Codecov.Grains.Yaml;

/// <summary>A plain-text HTTP answer: status code and body.</summary>
public sealed record ValidateYamlResponse(int StatusCode, string Body)
{
    /// <summary>
    /// Codecov's <c>POST /validate</c> (codecov-api <c>validate/views.py</c>, V1 handler): the
    /// same status codes and texts. On a schema error Codecov prints only the first error's
    /// location and message; we print that block the same way, then one line per further error.
    /// </summary>
    public static ValidateYamlResponse ForBody(string? body, YamlReadLimits? limits = null)
    {
        if (string.IsNullOrEmpty(body)) return new(400, "No content posted.");
        YamlNode? root;
        try
        {
            root = YamlTreeReader.Read(body, limits);
        }
        catch (CodecovYamlException)
        {
            return new(400, "Can't parse YAML\n");
        }
        if (root is not YamlMapping mapping) return new(400, "No file posted.");

        var validation = CodecovYamlValidator.Validate(new CodecovYaml(mapping));
        if (validation.IsValid) return new(200, $"Valid!\n\n{validation.Document!.ToJson()}\n");
        var first = validation.Errors[0];
        var rest = string.Concat(validation.Errors.Skip(1).Select(e => e + "\n"));
        return new(400, $"Error at {first.PythonLocation}: \n{first}\n{rest}");
    }

    /// <summary>The <c>GET /validate</c> usage text.</summary>
    public static ValidateYamlResponse Usage(string baseUrl) =>
        new(200, $"Usage:\n\ncurl -X POST --data-binary @codecov.yml {baseUrl.TrimEnd('/')}/validate\n");
}
