namespace Codecov.FakeGitHub;

/// <summary>Directory listings, file objects and compare results in GitHub's shapes.</summary>
internal static class FakeContents
{
    /// <summary>
    /// The direct children of <paramref name="folder"/> ("" for the root) in git tree order, which for
    /// plain names is ordinal: ".codecov.yml" lists before "codecov.yml".
    /// </summary>
    public static IEnumerable<(string Path, bool IsDirectory)> List(SortedDictionary<string, string> files, string folder)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + "/";
        return files.Keys
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p =>
            {
                var rest = p[prefix.Length..];
                var slash = rest.IndexOf('/');
                return slash < 0 ? (p, false) : (prefix + rest[..slash], true);
            })
            .Distinct()
            .OrderBy(e => e.Item1[prefix.Length..], StringComparer.Ordinal);
    }

    public static object Entry(string baseUrl, string repo, string reference, string path, bool isDirectory) => new
    {
        Type = isDirectory ? "dir" : "file",
        Name = path[(path.LastIndexOf('/') + 1)..],
        Path = path,
        Sha = "0000000000000000000000000000000000000000",
        Size = 0,
        Url = $"{baseUrl}repos/{repo}/contents/{path}?ref={reference}",
        HtmlUrl = $"https://github.example/{repo}/blob/{reference}/{path}",
        GitUrl = $"{baseUrl}repos/{repo}/git/blobs/0",
        DownloadUrl = isDirectory ? null : $"https://raw.github.example/{repo}/{reference}/{path}",
    };

    public static object File(string baseUrl, string repo, string reference, string path, byte[] bytes) => new
    {
        Type = "file",
        Encoding = "base64",
        Size = bytes.Length,
        Name = path[(path.LastIndexOf('/') + 1)..],
        Path = path,
        Content = Convert.ToBase64String(bytes),
        Sha = "0000000000000000000000000000000000000000",
        Url = $"{baseUrl}repos/{repo}/contents/{path}?ref={reference}",
        HtmlUrl = $"https://github.example/{repo}/blob/{reference}/{path}",
        GitUrl = $"{baseUrl}repos/{repo}/git/blobs/0",
        DownloadUrl = $"https://raw.github.example/{repo}/{reference}/{path}",
    };

    public static object Compare(string baseUrl, string repo, string baseSha, string headSha, IReadOnlyList<FakeFileChange> files) => new
    {
        Url = $"{baseUrl}repos/{repo}/compare/{baseSha}...{headSha}",
        Status = "ahead",
        AheadBy = 1,
        BehindBy = 0,
        TotalCommits = 1,
        Commits = Array.Empty<object>(),
        Files = files.Select(f => new
        {
            Sha = "0000000000000000000000000000000000000000",
            Filename = f.Filename,
            Status = f.Status,
            Additions = f.Additions,
            Deletions = f.Deletions,
            Changes = f.Additions + f.Deletions,
            Patch = f.Patch,
            PreviousFilename = f.PreviousFilename,
        }).ToArray(),
    };
}
