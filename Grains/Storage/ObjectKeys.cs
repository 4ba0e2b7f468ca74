namespace Codecov.Grains.Storage;

/// <summary>Where each kind of object lives in the object store; written once, here.</summary>
public static class ObjectKeys
{
    /// <summary>The raw payload of an upload, exactly as the uploader sent it (gzip or not).</summary>
    public static string RawUpload(UploadKey upload) => $"raw/{upload.Commit.Repository}/{upload.Commit.Sha}/{upload.UploadId}.txt";

    /// <summary>One processed upload's session report.</summary>
    public static string Session(UploadKey upload) => $"sessions/{upload.Commit.Repository}/{upload.Commit.Sha}/{upload.UploadId}.cca";

    /// <summary>A commit's merged report.</summary>
    public static string CommitReport(CommitKey commit) => $"reports/{commit.Repository}/{commit.Sha}/report.cca";
}
