using System.Text.RegularExpressions;
using Codecov.Grains;

namespace Codecov.Gateway.Uploads;

/// <summary>
/// The query of <c>POST /upload/v2|v4</c> after Codecov's schema (protocol §6, api <c>upload/helpers.py</c>
/// <c>parse_params</c>) and the field notes of §10: empty values are absent, unknown keys are ignored.
/// </summary>
public sealed partial record LegacyUploadParameters(
    string Commit,
    string? Slug,
    string? Service,
    string? Branch,
    string? PullRequest,
    string? Build,
    string? BuildUrl,
    string? Job,
    string? Name,
    string? Tag,
    IReadOnlyList<string> Flags,
    string? Package,
    string? Parent)
{
    /// <summary>Codecov's answer to any schema failure, as plain bytes.</summary>
    public const string InvalidMessage = "Invalid request parameters";

    private static readonly string[] AbsentBuilds = ["null", "undefined", "none", "nil"];
    private static readonly string[] AbsentPullRequests = ["false", "null", "undefined"];

    /// <summary>Null when the query fails the schema (answer 400 <see cref="InvalidMessage"/>).</summary>
    public static LegacyUploadParameters? Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> query)
    {
        string? Value(string key) => query.TryGetValue(key, out var values) ? values.LastOrDefault(v => v.Length > 0) : null;

        var commit = Value("commit");
        if (!KeyParts.IsCommitSha(commit)) return null;

        var slug = Value("slug");
        if (slug is not null && !RepositorySlugs.IsValidLegacy(slug)) return null;

        var pr = Value("pr") ?? Value("pull_request");
        if (pr is not null && !PullRequestPattern().IsMatch(pr)) return null;

        var buildUrl = Value("build_url");
        if (buildUrl is not null && !BuildUrlPattern().IsMatch(buildUrl)) return null;

        var flags = FlagValues(query);
        if (flags.Any(f => !FlagsPattern().IsMatch(f))) return null;

        var parent = Value("parent");
        if (parent is not null && !KeyParts.IsCommitSha(parent)) return null;
        if (!WithinLimits(query, flags)) return null;

        var build = Value("build");
        return new LegacyUploadParameters(
            Commit: commit!.ToLowerInvariant(),
            Slug: slug,
            Service: NormaliseService(Value("service")),
            Branch: NormaliseBranch(Value("branch")),
            PullRequest: pr is not null && AbsentPullRequests.Contains(pr, StringComparer.Ordinal) ? null : pr,
            Build: build is not null && AbsentBuilds.Contains(build, StringComparer.Ordinal) ? null : build,
            BuildUrl: buildUrl,
            Job: Value("job") ?? Value("travis_job_id"),
            Name: Value("name"),
            Tag: Value("tag"),
            Flags: SplitFlags(flags),
            Package: Value("package"),
            Parent: parent?.ToLowerInvariant());
    }

    /// <summary>
    /// <c>HEAD</c> means "no branch"; <c>refs/heads/</c> and <c>origin/</c> prefixes are dropped (protocol §6 <c>branch</c>).
    /// </summary>
    public static string? NormaliseBranch(string? branch)
    {
        if (string.IsNullOrEmpty(branch) || branch == "HEAD") return null;
        foreach (var prefix in (string[])["refs/heads/", "origin/"])
        {
            if (branch.StartsWith(prefix, StringComparison.Ordinal)) branch = branch[prefix.Length..];
        }

        return branch.Length == 0 ? null : branch;
    }

    /// <summary>
    /// The same field limits as the CLI routes (<see cref="UploadFieldRules"/>); Codecov's schema failure is the
    /// one answer the legacy endpoint gives for any bad parameter.
    /// </summary>
    private static bool WithinLimits(IReadOnlyDictionary<string, IReadOnlyList<string>> query, List<string> flags)
    {
        bool Fits(string key, int limit) =>
            !query.TryGetValue(key, out var values) || values.All(v => UploadFieldRules.Problem(v, limit) is null);

        return Fits("branch", UploadFieldRules.MaxTextLength) && Fits("name", UploadFieldRules.MaxNameLength)
            && Fits("service", UploadFieldRules.MaxCiServiceLength) && Fits("build", UploadFieldRules.MaxTextLength)
            && Fits("job", UploadFieldRules.MaxTextLength) && Fits("travis_job_id", UploadFieldRules.MaxTextLength)
            && Fits("tag", UploadFieldRules.MaxTextLength) && Fits("package", UploadFieldRules.MaxTextLength)
            && Fits("build_url", UploadFieldRules.MaxUrlLength)
            && SplitFlags(flags).All(f => f.Length <= UploadFieldRules.MaxFlagLength);
    }

    // Codecov renames the retired Travis endpoint; other CI names pass through (field note §10.6).
    private static string? NormaliseService(string? service) => service == "travis-org" ? "travis" : service;

    // The Node uploader comma-joins flags, codecov-cli --legacy repeats the key (protocol §1c, §2):
    // every value is kept so neither client loses flags.
    private static List<string> FlagValues(IReadOnlyDictionary<string, IReadOnlyList<string>> query) =>
        query.TryGetValue("flags", out var values) ? values.Where(v => v.Length > 0).ToList() : [];

    private static string[] SplitFlags(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"\A(?:\d+|false|null|undefined|true)\z")]
    private static partial Regex PullRequestPattern();

    [GeneratedRegex(@"\Ahttps?://")]
    private static partial Regex BuildUrlPattern();

    [GeneratedRegex(@"\A[\w\.\-\,]+\z")]
    private static partial Regex FlagsPattern();
}
