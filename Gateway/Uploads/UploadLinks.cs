using System.Globalization;
using Codecov.Grains;

namespace Codecov.Gateway.Uploads;

/// <summary>The absolute URLs handed to uploaders: the commit's dashboard page and the signed PUT target.</summary>
public sealed class UploadLinks(string baseUrl)
{
    /// <summary>Route prefix of the signed PUT endpoint; the upload key follows it.</summary>
    public const string PutPrefix = "/upload/put/";

    private readonly string root = baseUrl.TrimEnd('/');

    /// <summary><c>{dashboard}/{service}/{owner}/{repo}/commit/{sha}</c> (protocol §0 "Dashboard URL").</summary>
    public string Dashboard(CommitKey commit) =>
        $"{root}/{commit.Repository.Service}/{commit.Repository.Owner}/{commit.Repository.Name}/commit/{commit.Sha}";

    /// <summary>
    /// The PUT URL: printable ASCII only, because the Node uploader picks the two URLs out of the v4
    /// answer with <c>[\x21-\x7E]+</c> (protocol §2).
    /// </summary>
    public string Put(UploadKey upload, UploadSignature signature)
    {
        var path = string.Join('/', upload.ToString().Split('/').Select(Uri.EscapeDataString));
        var expires = signature.Expires.ToString(CultureInfo.InvariantCulture);
        return $"{root}{PutPrefix}{path}?expires={expires}&signature={signature.Signature}";
    }
}

/// <summary>Builds <see cref="UploadLinks"/> for a request.</summary>
public static class UploadLinksFactory
{
    /// <summary><c>Codecov:PublicUrl</c>, or the request's own scheme, host and path base when it is empty.</summary>
    public static UploadLinks For(HttpRequest request, string? publicUrl) =>
        new(string.IsNullOrWhiteSpace(publicUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : publicUrl);
}
