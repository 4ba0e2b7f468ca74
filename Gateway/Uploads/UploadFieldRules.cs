using Codecov.Grains;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// How long and what shape the fields an uploader sends about its commit and upload may be. Codecov's own
/// column limits where it has them (shared <c>django_apps/reports/models.py</c>); where Codecov keeps
/// unbounded text (branch, build, job, URLs), a bound no real CI value reaches, so a 10 MB value is
/// refused instead of stored.
/// </summary>
public static class UploadFieldRules
{
    /// <summary><c>ReportSession.name</c>: <c>CharField(max_length=100)</c>.</summary>
    public const int MaxNameLength = 100;

    /// <summary><c>ReportSession.provider</c> (the CI service): <c>CharField(max_length=50)</c>.</summary>
    public const int MaxCiServiceLength = 50;

    /// <summary><c>RepositoryFlag.flag_name</c>: <c>CharField(max_length=1024)</c>.</summary>
    public const int MaxFlagLength = 1024;

    /// <summary>
    /// Branch, build, job, tag and package. GitHub refuses branch names past about 250 bytes and a fork label
    /// adds <c>owner:</c>; four times that leaves room for every git host.
    /// </summary>
    public const int MaxTextLength = 1024;

    /// <summary>A CI build URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Largest JSON body of a CLI route: a commit, an upload and its environment, never a report.</summary>
    public const long MaxCliBodyBytes = 1024 * 1024;

    /// <summary>DRF's <c>max_length</c> message, which Codecov's serializers answer with.</summary>
    public static string TooLong(int limit) => $"Ensure this field has no more than {limit} characters.";

    public const string InvalidCommit = "Enter a valid commit SHA.";

    public const string ControlCharacters = "Control characters are not allowed.";

    /// <summary>The fields of a <c>/commits</c> or <c>/upload-coverage</c> body that break a rule, in the serializer's order.</summary>
    public static Dictionary<string, object> CheckCommit(CommitBody body)
    {
        var errors = new Dictionary<string, object>(StringComparer.Ordinal);
        if (body.Commitid is { } commit && !KeyParts.IsCommitSha(commit.Trim())) errors["commitid"] = new[] { InvalidCommit };
        if (!string.IsNullOrWhiteSpace(body.ParentCommitId) && !KeyParts.IsCommitSha(body.ParentCommitId.Trim())) errors["parent_commit_id"] = new[] { InvalidCommit };
        Text(errors, "branch", body.Branch, MaxTextLength);
        return errors;
    }

    /// <summary>The fields of an upload body that break a rule, in Codecov's UploadSerializer order.</summary>
    public static Dictionary<string, object> CheckUpload(UploadBody body)
    {
        var errors = new Dictionary<string, object>(StringComparer.Ordinal);
        Text(errors, "ci_url", body.CiUrl, MaxUrlLength);
        Flags(errors, body.Flags);
        Text(errors, "name", body.Name, MaxNameLength);
        Text(errors, "job_code", body.JobCode, MaxTextLength);
        Text(errors, "build_code", body.BuildCode, MaxTextLength);
        Text(errors, "version", body.Version, MaxTextLength);
        Text(errors, "ci_service", body.CiService, MaxCiServiceLength);
        return errors;
    }

    /// <summary>Null when <paramref name="value"/> is absent or within <paramref name="limit"/> printable characters.</summary>
    public static string? Problem(string? value, int limit) =>
        value is null ? null
        : value.Length > limit ? TooLong(limit)
        : value.Any(char.IsControl) ? ControlCharacters
        : null;

    private static void Text(Dictionary<string, object> errors, string field, string? value, int limit)
    {
        if (Problem(value, limit) is { } problem) errors[field] = new[] { problem };
    }

    /// <summary>DRF's ListField reports a child's error under its index: <c>{"flags":{"3":["…"]}}</c>.</summary>
    private static void Flags(Dictionary<string, object> errors, IReadOnlyList<string?>? flags)
    {
        if (flags is null) return;
        var byIndex = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < flags.Count; i++)
        {
            if (Problem(flags[i], MaxFlagLength) is { } problem) byIndex[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = [problem];
        }

        if (byIndex.Count > 0) errors["flags"] = byIndex;
    }
}
