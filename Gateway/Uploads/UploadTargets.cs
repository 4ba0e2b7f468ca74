using Codecov.Gateway.Options;
using Codecov.Grains;
using Microsoft.Extensions.Options;

namespace Codecov.Gateway.Uploads;

/// <summary>The dashboard and PUT URLs of one new upload.</summary>
public sealed record UploadTarget(string DashboardUrl, string PutUrl);

/// <summary>Signs a PUT URL for a new upload and pairs it with the commit's dashboard URL.</summary>
public sealed class UploadTargets(UploadUrlSigner signer, IOptionsMonitor<CodecovOptions> options)
{
    public UploadTarget For(HttpRequest request, UploadKey upload)
    {
        var settings = options.CurrentValue;
        var links = UploadLinksFactory.For(request, settings.PublicUrl);
        var signature = signer.Sign(upload.ToString(), settings.UploadUrlLifetime);
        return new UploadTarget(links.Dashboard(upload.Commit), links.Put(upload, signature));
    }

    public string Dashboard(HttpRequest request, CommitKey commit) =>
        UploadLinksFactory.For(request, options.CurrentValue.PublicUrl).Dashboard(commit);
}
