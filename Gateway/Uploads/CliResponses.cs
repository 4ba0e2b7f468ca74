using Codecov.Grains.Commits;
using Codecov.Grains.Repositories;
using Codecov.Grains.Uploads;

namespace Codecov.Gateway.Uploads;

/// <summary>Maps grain records to the CLI routes' response shapes (HTTP contracts stay apart from grain records).</summary>
public static class CliResponses
{
    public static readonly ReportResultsResponse DeprecatedResults = new(
        "completed", new ReportResultsState("deprecated", "Report results are no longer computed by this server."));

    public static UploadBody EmptyUpload() => new(null, null, null, null, null, null, null, null);

    public static UploadCoverageBody EmptyUploadCoverage() =>
        new(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public static CommitResponse Commit(CommitInfo commit, RepositoryInfo repository) => new(
        Message: null,
        Timestamp: null,
        CiPassed: null,
        State: commit.State,
        Repository: new RepositoryBrief(repository.Key.Name, repository.IsPrivate, Active: true, Language: null, Yaml: null),
        Author: null,
        Commitid: commit.Key.Sha,
        ParentCommitId: commit.ParentSha,
        Pullid: commit.PullId,
        Branch: commit.Branch);

    /// <summary>A commit has one report, so its id is derived from the commit rather than stored.</summary>
    public static ReportResponse Report(CommitInfo commit) => new(
        ExternalId: DeterministicId(commit.Key.ToString()).ToString(),
        CreatedAt: CodecovBodies.Timestamp(commit.CreatedAt),
        CommitSha: commit.Key.Sha,
        Code: null);

    public static UploadRequest UploadRequest(UploadBody body) => new(
        Flags: (body.Flags ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
        Name: body.Name,
        CiService: body.CiService,
        BuildId: body.BuildCode,
        BuildUrl: body.CiUrl,
        JobCode: body.JobCode,
        UploadType: UploadRegistrar.UploadedType,
        Env: (body.Env ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal),
        Package: body.Version,
        FormatVersion: Codecov.Grains.Uploads.UploadRequest.CliFormatVersion);

    public static UploadResponse Upload(UploadInfo upload, UploadTarget target) => new(
        ExternalId: upload.UploadId,
        CreatedAt: CodecovBodies.Timestamp(upload.CreatedAt),
        RawUploadLocation: target.PutUrl,
        State: upload.State,
        Provider: upload.Request.CiService,
        UploadType: upload.Request.UploadType,
        Url: target.DashboardUrl,
        CiUrl: upload.Request.BuildUrl,
        Flags: upload.Request.Flags,
        Env: upload.Request.Env,
        Name: upload.Request.Name,
        JobCode: upload.Request.JobCode);

    public static UploadCoverageResponse UploadCoverage(UploadInfo upload, UploadTarget target) =>
        new(upload.UploadId, CodecovBodies.Timestamp(upload.CreatedAt), target.PutUrl, target.DashboardUrl);

    /// <summary>
    /// Codecov compares the diff with <c>ignore</c> paths; without a provider diff every change counts as
    /// ignorable, which is the answer Codecov gives when the CLI found no coverage to send.
    /// </summary>
    public static EmptyUploadResponse EmptyUploadResult(bool forced) => new(
        forced
            ? "Force option was enabled. Triggering passing notifications."
            : "All changed files are ignored. Triggering passing notifications.",
        []);

    private static Guid DeterministicId(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name), hash);
        return new Guid(hash[..16]);
    }
}
