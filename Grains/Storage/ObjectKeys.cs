namespace Codecov.Grains.Storage;

/// <summary>Where each kind of object lives in the object store; written once, here.</summary>
public static class ObjectKeys
{
    /// <summary>The raw payload of an upload, exactly as the uploader sent it (gzip or not).</summary>
    public static string RawUpload(UploadKey upload) => $"raw/{upload.Commit.Repository}/{upload.Commit.Sha}/{upload.UploadId}.txt";

    /// <summary>One processed upload's session report.</summary>
    public static string Session(UploadKey upload) => $"sessions/{upload.Commit.Repository}/{upload.Commit.Sha}/{upload.UploadId}.cca";

    /// <summary>
    /// Version <paramref name="version"/> of a commit's merged report. Each merge writes a new version
    /// and only then points the commit's state at it, so a write cut short (a process killed mid-PUT, a
    /// store whose PUT is not atomic) never touches the version in use. Version 0 is the single key
    /// reports had before versions.
    /// </summary>
    public static string CommitReport(CommitKey commit, int version) => version == 0
        ? $"reports/{commit.Repository}/{commit.Sha}/report.cca"
        : $"reports/{commit.Repository}/{commit.Sha}/report-{version}.cca";
}
