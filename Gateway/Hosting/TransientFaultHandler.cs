using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Codecov.Gateway.Hosting;

/// <summary>
/// Answers a request that failed on a transient cluster or storage fault with 503 and Retry-After in
/// ProblemDetails, which tells every client (codecov-cli retries statuses ≥ 500) to try again; anything
/// else falls through to the default 500 ProblemDetails.
/// </summary>
public sealed class TransientFaultHandler(IProblemDetailsService problems, ILogger<TransientFaultHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFaults.IsTransient(exception)) return false;

        logger.LogWarning(exception, "{Method} {Path} failed on a transient fault; answered 503", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "The coverage cluster or its storage did not answer; nothing was lost. Retry the request.",
            },
        });
    }
}
