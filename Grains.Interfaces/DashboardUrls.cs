using System.Text;

namespace Codecov.Grains;

/// <summary>
/// The one place that writes dashboard URLs. Codecov hands out two spellings of the same pages, and the
/// dashboard serves both: uploaders get the git service's long name (<c>/github/acme/widgets/commit/&lt;sha&gt;</c>,
/// api <c>upload/views/upload_coverage.py</c>), while statuses, comments and the web use the short one
/// (<c>/gh/acme/widgets/commit/&lt;sha&gt;</c>, worker <c>services/urls.py</c>).
/// </summary>
public sealed class DashboardUrls
{
    public DashboardUrls(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) URL.", nameof(baseUrl));
        }

        Base = baseUrl.TrimEnd('/');
    }

    /// <summary>The public base, without a trailing slash.</summary>
    public string Base { get; }

    /// <summary>Codecov's short service names (worker <c>services/urls.py</c> <c>services_short_dict</c>).</summary>
    public static string ShortService(string service) => service switch
    {
        "github" => "gh",
        "github_enterprise" => "ghe",
        "gitlab" => "gl",
        "gitlab_enterprise" => "gle",
        "bitbucket" => "bb",
        "bitbucket_server" => "bbs",
        _ => service,
    };

    /// <summary><c>/gh/acme/widgets</c>: the repository's page, as statuses and comments link it.</summary>
    public string Repository(RepositoryKey repository) =>
        $"{Base}/{Segment(ShortService(repository.Service))}/{Segment(repository.Owner)}/{Segment(repository.Name)}";

    /// <summary><c>/gh/acme/widgets/commit/&lt;sha&gt;</c>.</summary>
    public string Commit(CommitKey commit) => $"{Repository(commit.Repository)}/commit/{Segment(commit.Sha)}";

    /// <summary><c>/gh/acme/widgets/pull/&lt;id&gt;</c>.</summary>
    public string Pull(RepositoryKey repository, int pullId) => $"{Repository(repository)}/pull/{pullId}";

    /// <summary><c>/gh/acme/widgets/pull/&lt;id&gt;/graphs/&lt;file&gt;</c> (worker <c>pull_graph_url</c>).</summary>
    public string PullGraph(RepositoryKey repository, int pullId, string graph) => $"{Pull(repository, pullId)}/graphs/{Segment(graph)}";

    /// <summary><c>/gh/acme/widgets/blob/&lt;ref&gt;/&lt;path&gt;</c>: one file at a branch or commit.</summary>
    public string Blob(RepositoryKey repository, string gitRef, string path) =>
        $"{Repository(repository)}/blob/{Segment(gitRef)}/{Path(path)}";

    /// <summary><c>/gh/acme/widgets/tree/&lt;ref&gt;/&lt;directory&gt;</c>: a directory at a branch or commit.</summary>
    public string Tree(RepositoryKey repository, string gitRef, string directory = "") =>
        $"{Repository(repository)}/tree/{Segment(gitRef)}/{Path(directory)}";

    /// <summary>
    /// <c>/github/acme/widgets/commit/&lt;sha&gt;</c>: the link the upload routes hand to uploaders, which print it
    /// as "View report at …" (Codecov writes the service's long name here).
    /// </summary>
    public string UploadedCommit(CommitKey commit)
    {
        var repository = commit.Repository;
        return $"{Base}/{Segment(repository.Service)}/{Segment(repository.Owner)}/{Segment(repository.Name)}/commit/{Segment(commit.Sha)}";
    }

    /// <summary>
    /// API v2 <c>commit_file_url</c>: <c>…/commit/&lt;sha&gt;/blob/&lt;path&gt;</c> for a file, <c>…/tree/&lt;path&gt;</c>
    /// for a directory or the whole report (api <c>services/path.py</c> <c>dashboard_commit_file_url</c>).
    /// </summary>
    public string CommitFile(CommitKey commit, string path, bool isFile) =>
        $"{UploadedCommit(commit)}/{(isFile ? "blob" : "tree")}/{Path(path)}";

    private static string Path(string path) => string.Join('/', path.Split('/').Select(Segment));

    /// <summary>
    /// Percent-encodes what a path segment may not hold as is (RFC 3986 <c>pchar</c>), so <c>:</c> of
    /// sub-group owners stays readable and every URL is printable ASCII, which the Node uploader's
    /// <c>[\x21-\x7E]+</c> scan of the v4 answer needs (protocol §2). Quotes and parentheses are encoded
    /// too: a comment's Markdown link would end at the first <c>)</c>.
    /// </summary>
    private static string Segment(string value)
    {
        if (value.All(IsPathCharacter)) return value;
        var escaped = new StringBuilder(value.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsPathCharacter((char)rune.Value))
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return escaped.ToString();
    }

    private static bool IsPathCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-._~!$&*+,;=:@".Contains(c);
}
