namespace Codecov.Gateway.Tests.EndToEnd;

/// <summary>A throwaway git repository holding (empty copies of) a fixture's files, as a CI checkout would.</summary>
internal sealed class GitCheckout : IDisposable
{
    private GitCheckout(string directory, string sha)
    {
        Directory = directory;
        Sha = sha;
    }

    public string Directory { get; }
    public string Sha { get; }

    public static async Task<GitCheckout> CreateAsync(string fixtureFolder)
    {
        var root = System.IO.Directory.CreateTempSubdirectory("codecov-checkout-").FullName;
        foreach (var file in File.ReadAllLines(Path.Combine(fixtureFolder, "network.txt")).Where(f => f.Length > 0))
        {
            var path = Path.Combine(root, file);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "");
        }
        var env = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "ci", ["GIT_AUTHOR_EMAIL"] = "ci@example.com",
            ["GIT_COMMITTER_NAME"] = "ci", ["GIT_COMMITTER_EMAIL"] = "ci@example.com",
        };
        foreach (var args in new[] { new[] { "init", "-q", "-b", "main" }, ["add", "-A"], ["commit", "-q", "-m", "fixture"] })
        {
            var result = await ProcessRunner.RunAsync("git", args, root, TimeSpan.FromMinutes(1), env);
            if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {result.Output}");
        }
        var sha = await ProcessRunner.RunAsync("git", ["rev-parse", "HEAD"], root, TimeSpan.FromMinutes(1));
        return new GitCheckout(root, sha.Output.Trim());
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
