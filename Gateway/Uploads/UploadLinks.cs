using System.Globalization;
using Codecov.Grains;

namespace Codecov.Gateway.Uploads;

/// <summary>The absolute URLs handed to uploaders: the commit's dashboard page and the signed PUT target.</summary>
public sealed class UploadLinks(DashboardUrls dashboard)
{
    /// <summary>Route prefix of the signed PUT endpoint; the upload key follows it.</summary>
    public const string PutPrefix = "/upload/put/";

    /// <summary>The commit page in the spelling Codecov's upload answers use (protocol §0 "Dashboard URL").</summary>
    public string Dashboard(CommitKey commit) => dashboard.UploadedCommit(commit);

    /// <summary>
    /// The PUT URL: printable ASCII only, because the Node uploader picks the two URLs out of the v4
    /// answer with <c>[\x21-\x7E]+</c> (protocol §2).
    /// </summary>
    public string Put(UploadKey upload, UploadSignature signature)
    {
        var path = string.Join('/', upload.ToString().Split('/').Select(Uri.EscapeDataString));
        var expires = signature.Expires.ToString(CultureInfo.InvariantCulture);
        return $"{dashboard.Base}{PutPrefix}{path}?expires={expires}&signature={signature.Signature}";
    }
}
