using System.Text.RegularExpressions;

namespace Codecov.Grains.Paths;

/// <summary>
/// Strips CI checkout prefixes and drops vendored/system paths when an upload has no network list
/// (worker <c>path_fixer/fixpaths.py</c> <c>remove_known_bad_paths</c>; codecov-semantics §2 "Path fixing order").
/// A pattern ending in <c>.*</c> consumes the whole path, which leaves it empty and so drops it.
/// </summary>
public static class KnownBadPaths
{
    private const string Segment = @"[^\/\n]+";

    private static readonly string[] Prefixes =
    [
        $@"((home|Users)/travis/build/{Segment}/{Segment}/)",
        $@"((home|Users)/jenkins/jobs/{Segment}/workspace/)",
        $@"(Users/distiller/{Segment}/)",
        $@"(home/{Segment}/src/({Segment}/){{3}})",
        $@"((home|Users)/{Segment}/workspace/{Segment}/{Segment}/)",
        $@"(.*/jenkins/workspace/{Segment}/)",
        $@"((.+/src/)?github\.com/{Segment}/{Segment}/)",
        $@"(\w:/Repos/{Segment}/{Segment}/)",
        $@"([\w:/]+projects/{Segment}/)",
        $@"(\w:/_build/GitHub/{Segment}/)",
        $@"(build/lib\.{Segment}/)",
        @"(home/circleci/code/)",
        @"(home/circleci/repo/)",
        @"(vendor/src/.*)",
        @"(pipeline/source/)",
        @"(var/snap-ci/repo/)",
        $@"(home/ubuntu/{Segment}/)",
        $@"(.*/site-packages/{Segment}\.egg/)",
        @"(.*/site-packages/)",
        $@"(usr/local/lib/{Segment}/dist-packages/)",
        @"(.*/slather/spec/fixtures/[^\n]*)",
        @"(.*/target/generated-sources/[^\n]*)",
        @"(.*/\.phpenv/.*)",
        @"(.*/Debug-iphonesimulator/ReactiveCocoa\.build/DerivedSources/RA.*)",
        @"(usr/include/.*)",
        @"(.*/handlebars\.js/dist/.*)",
        @"(node_modules/.*)",
        @"(bower_components/.*)",
        @"(.*/lib/clang/.*)",
        @"(.*[\<\>].*)",
        @"(\w\:\/)",
        @"(.*/mac-coverage/build/src/.*)",
        @"(opt/.*/dist-packages/.*)",
        @"(.*/iPhoneSimulator.platform/Developer/SDKs/.*)",
        @"(Applications/Xcode\.app/Contents/Developer/Toolchains/.*)",
        $@"((.*/)?\.?v?(irtual)?\.?envs?(-{Segment})?/.*/{Segment}\.py$)",
        @"(Users/[^\/\n]+/Projects/.*/Pods/.*)",
        $@"(Users/{Segment}/Projects/{Segment}/)",
        $@"(home/{Segment}/{Segment}/{Segment}/)",
    ];

    private static readonly Regex Pattern = new(
        @"^(\.*\/)*(" + string.Join('|', Prefixes) + ")?",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The path without a known CI prefix; empty when the whole path is a known bad path.</summary>
    public static string Remove(string path)
    {
        try
        {
            return Pattern.Replace(path, "", 1);
        }
        catch (RegexMatchTimeoutException)
        {
            return path;
        }
    }
}
