using System.Text;
using Codecov.Grains.Yaml;

namespace Codecov.Gateway.Api;

/// <summary>Codecov's public YAML check: <c>curl --data-binary @codecov.yml …/validate</c> (codecov-semantics §2).</summary>
public static class ValidateEndpoints
{
    public static IEndpointRouteBuilder MapValidateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/validate").WithTags("Validate");
        group.MapGet("", (HttpRequest request) => Text(ValidateYamlResponse.Usage($"{request.Scheme}://{request.Host}{request.PathBase}")));
        group.MapPost("", ValidateAsync);
        return routes;
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request)
    {
        var limit = YamlReadLimits.Default.MaxChars;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[limit + 1];
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        // A body over the limit is cut one character past it, so the reader reports the limit.
        return Text(ValidateYamlResponse.ForBody(new string(buffer, 0, read)));
    }

    private static IResult Text(ValidateYamlResponse response) =>
        Results.Text(response.Body, "text/plain", Encoding.UTF8, response.StatusCode);
}
