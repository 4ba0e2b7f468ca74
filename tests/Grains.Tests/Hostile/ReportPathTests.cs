using System.Diagnostics;
using System.Text;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>
/// Reports that name files outside the repository (<c>../</c>, absolute, Windows drive and UNC paths):
/// the names are only ever keys. They are cleaned to repository-relative paths, and nothing on
/// disk is opened or created for them.
/// </summary>
public sealed class ReportPathTests : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("hostile-paths-").FullName;

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    public static TheoryData<string> Formats => HostileInputs.AllFormats();

    private IEnumerable<string> HostilePaths(string trap) =>
    [
        "../../../../etc/passwd",
        "a/../../b.c",
        "./../x/../../y.c",
        "/etc/shadow",
        trap,
        "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "C:/build/../../secret.cs",
        "\\\\server\\share\\a.cs",
        "..\\..\\boot.ini",
        "....//....//x.c",
        "src/./../../../../" + trap.TrimStart('/'),
    ];

    /// <summary>
    /// A named pipe stands where the report points: opening it to read would block until the deadline,
    /// so a parser that touched it fails the case instead of passing quietly.
    /// </summary>
    private string Trap()
    {
        var path = Path.Combine(sandbox, "trap.c");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false });
        mkfifo!.WaitForExit();
        if (mkfifo.ExitCode != 0) File.WriteAllText(path, "int main;");
        return path;
    }

    private static string Escape(string format, string path) =>
        HostileInputs.JsonFormats.Contains(format) ? path.Replace("\\", "\\\\", StringComparison.Ordinal)
        : HostileInputs.XmlFormats.Contains(format) ? System.Security.SecurityElement.Escape(path)
        : path;

    private static byte[] ReportNaming(string format, string path)
    {
        var template = Encoding.UTF8.GetString(HostileInputs.Ordinary(format));
        var named = format switch
        {
            "go" => template.Replace("src/a.go", path, StringComparison.Ordinal),
            "gcov" => template.Replace("Source:a.c", "Source:" + path, StringComparison.Ordinal),
            "xcode" => template.Replace("/src/A.swift:", path + ".swift:", StringComparison.Ordinal),
            _ => template
                .Replace("src/a.c", path, StringComparison.Ordinal).Replace("src/a.py", path, StringComparison.Ordinal)
                .Replace("src/a.js", path, StringComparison.Ordinal).Replace("lib/a.rb", path, StringComparison.Ordinal)
                .Replace("src/A.scala", path, StringComparison.Ordinal).Replace("src/A.cs", path, StringComparison.Ordinal)
                .Replace("A.java", path, StringComparison.Ordinal),
        };
        return Encoding.UTF8.GetBytes(named);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Paths_outside_the_repository_become_relative_keys_and_touch_no_file(string format)
    {
        var trap = Trap();
        var before = Directory.GetFileSystemEntries(sandbox);
        var workingDirectory = Directory.GetFileSystemEntries(Environment.CurrentDirectory);
        foreach (var path in HostilePaths(trap))
        {
            var input = ReportNaming(format, Escape(format, path));
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input, fileName: "/home/ci/" + path), $"{format} naming {path}");
            SaneOutcome.Assert(BoundedParse.Upload(input, fileName: path), $"{format} naming {path} through the upload parser");
        }
        Assert.Equal(before, Directory.GetFileSystemEntries(sandbox));
        Assert.Equal(workingDirectory, Directory.GetFileSystemEntries(Environment.CurrentDirectory));
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "etc/passwd")]
    [InlineData("/etc/shadow", "etc/shadow")]
    [InlineData("a/../../b.c", "b.c")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    public void A_climbing_or_absolute_lcov_path_is_kept_inside_the_repository(string reported, string expected)
    {
        var outcome = BoundedParse.Format(HostileInputs.Format("lcov"), Encoding.UTF8.GetBytes($"SF:{reported}\nDA:1,1\nend_of_record\n"));
        SaneOutcome.Assert(outcome);
        Assert.Equal(expected, Assert.Single(outcome.Report!.Files).Path);
    }
}
