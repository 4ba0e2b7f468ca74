using Codecov.Gateway.Hosting;
using Codecov.Grains;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// <c>PUT /upload/put/{uploadKey}?expires=…&amp;signature=…</c>: the target of every PUT URL this gateway
/// hands out. The Node uploader insists on exactly 200 (protocol §2), so success is a bare 200.
/// </summary>
public static class SignedPutEndpoints
{
    public static IEndpointRouteBuilder MapSignedPutEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPut(UploadLinks.PutPrefix + "{**uploadKey}", PutAsync).WithTags("Signed upload");
        return routes;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> PutAsync(
        string uploadKey,
        string? expires,
        string? signature,
        HttpContext context,
        [FromServices] UploadUrlSigner signer,
        [FromServices] PayloadIntake intake)
    {
        switch (signer.Verify(uploadKey, expires, signature))
        {
            case SignatureCheck.Expired:
                return Problem(StatusCodes.Status403Forbidden, "Upload URL expired", "Ask the upload endpoint for a new URL.");
            case SignatureCheck.Forged:
                return Problem(StatusCodes.Status403Forbidden, "Invalid upload signature", "The URL was not issued by this server.");
        }

        if (!TryParse(uploadKey, out var key)) return Problem(StatusCodes.Status404NotFound, "Unknown upload", null);
        return await intake.AcceptAsync(context, key) switch
        {
            IntakeOutcome.Stored => TypedResults.Ok(),
            IntakeOutcome.TimedOut => Problem(StatusCodes.Status408RequestTimeout, "Request body timeout", RequestBodyFaults.TimeoutMessage),
            _ => Problem(StatusCodes.Status413PayloadTooLarge, "Upload too large", "The body exceeds Codecov:MaxUploadBytes."),
        };
    }

    private static bool TryParse(string uploadKey, out UploadKey key)
    {
        try
        {
            key = UploadKey.Parse(uploadKey);
            return true;
        }
        catch (FormatException)
        {
            key = null!;
            return false;
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
