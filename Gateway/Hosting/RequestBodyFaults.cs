using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Codecov.Gateway.Hosting;

/// <summary>
/// A request body the server could not read to its end because of the client: it arrived slower than
/// Kestrel's minimum data rate (408), was cut off or was malformed (400). The client must send it again;
/// nothing on the server side failed, so it is neither a 500 nor a 503.
/// </summary>
public static class RequestBodyFaults
{
    public const string TimeoutMessage =
        "The request body arrived too slowly and was not read to its end; nothing was stored. Send it again.";

    public static string Describe(BadHttpRequestException fault) =>
        fault.StatusCode == StatusCodes.Status408RequestTimeout ? TimeoutMessage : fault.Message;
}

/// <summary>Answers an unread request body on routes that do not answer it themselves, in ProblemDetails.</summary>
public sealed class RequestBodyFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException fault) return false;

        context.Response.StatusCode = fault.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = fault.StatusCode,
                Title = fault.StatusCode == StatusCodes.Status408RequestTimeout ? "Request body timeout" : "Bad request body",
                Detail = RequestBodyFaults.Describe(fault),
            },
        });
    }
}
