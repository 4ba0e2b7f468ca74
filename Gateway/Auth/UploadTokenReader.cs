namespace Codecov.Gateway.Auth;

/// <summary>Where each upload route finds its token (protocol §0 "Auth header", §9).</summary>
public static class UploadTokenReader
{
    public const string UploadTokenHeader = "X-Upload-Token";
    public const string TokenQueryKey = "token";

    /// <summary>
    /// CLI routes: <c>Authorization: token X</c> (DRF's keyword, case-insensitive); a <c>Bearer</c> header
    /// is no token. The query <c>token=</c> and <c>X-Upload-Token</c> are accepted after it, as §9 asks.
    /// </summary>
    public static string? ForCliRoutes(string? authorization, string? queryToken, string? uploadTokenHeader) =>
        FromAuthorization(authorization) ?? NonEmpty(queryToken) ?? NonEmpty(uploadTokenHeader);

    /// <summary>Legacy <c>/upload/v2|v4</c>: the query first, then <c>X-Upload-Token</c>; Authorization is ignored.</summary>
    public static string? ForLegacyRoutes(string? queryToken, string? uploadTokenHeader) =>
        NonEmpty(queryToken) ?? NonEmpty(uploadTokenHeader);

    /// <summary>The value of <c>Authorization: token X</c>, or null for any other scheme or shape.</summary>
    public static string? FromAuthorization(string? authorization) =>
        SchemeValue(authorization, "token");

    /// <summary>
    /// The credential of <c>&lt;scheme&gt; &lt;value&gt;</c>: DRF splits the header on whitespace and accepts
    /// exactly two parts whose first equals the keyword ignoring case.
    /// </summary>
    internal static string? SchemeValue(string? header, string scheme)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var parts = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[0].Equals(scheme, StringComparison.OrdinalIgnoreCase) ? parts[1] : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
