using Codecov.Gateway.Uploads;

namespace Codecov.Gateway.Api;

/// <summary>Codecov's own error body on its routes: Django REST framework's <c>{"detail": "..."}</c>.</summary>
public sealed record ApiError(string Detail);

/// <summary>API v2's errors with Codecov's statuses and wording (DRF defaults where Codecov uses them).</summary>
public static class ApiErrors
{
    public static IResult NotFound(string detail = "Not found.") => Error(StatusCodes.Status404NotFound, detail);

    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Invalid token.");

    public static IResult Forbidden() => Error(StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");

    public static IResult BadRequest(string detail) => Error(StatusCodes.Status400BadRequest, detail);

    public static IResult Unprocessable(string detail) => Error(StatusCodes.Status422UnprocessableEntity, detail);

    public static IResult For(ApiDecision decision) => decision switch
    {
        ApiDecision.Unauthorized => Unauthorized(),
        ApiDecision.Forbidden => Forbidden(),
        _ => NotFound(),
    };

    private static IResult Error(int status, string detail) =>
        TypedResults.Json(new ApiError(detail), CodecovBodies.Json, statusCode: status);
}
