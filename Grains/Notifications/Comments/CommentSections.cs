namespace Codecov.Grains.Notifications.Comments;

/// <summary>The comment's section writers (worker <c>mixins/message/sections.py</c>), by layout name.</summary>
internal sealed class CommentSections(CommentInput input)
{
    private const string UploaderDocs = "https://docs.codecov.com/docs/codecov-uploader";
    private readonly CoverageTables tables = new(input);

    private string Pull => input.Links.Pull;

    public IEnumerable<string> Write(string section) => section switch
    {
        "header" or "newheader" or "condensed_header" => Header(),
        "newfiles" or "condensed_files" => tables.FilesWithMissingLines(),
        "diff" => Diff(),
        "reach" => Reach(),
        "footer" => Footer(),
        "newfooter" or "condensed_footer" => NewFooter(),
        _ when section.StartsWith("flag", StringComparison.Ordinal) => tables.Flags(),
        _ when section.StartsWith("files", StringComparison.Ordinal) || section.StartsWith("tree", StringComparison.Ordinal) => tables.Files(section),
        _ when section.StartsWith("component", StringComparison.Ordinal) => tables.Components(),
        _ => [],
    };

    private IEnumerable<string> Header()
    {
        var comparison = input.Comparison;
        var patch = comparison.Patch.Totals;
        var missing = patch.Misses + patch.Partials;
        // The patch percentage is the raw totals string (e.g. `97.76786%`), as Codecov prints it.
        yield return missing > 0
            ? $"Attention: Patch coverage is `{patch.Coverage}%` with `{missing} {(missing > 1 ? "lines" : "line")}` in your changes missing coverage. Please review."
            : "All modified and coverable lines are covered by tests :white_check_mark:";
        if (input.Settings.HideProjectCoverage) yield break;

        if (comparison.HasBaseReport && comparison.HasHeadReport)
        {
            var head = input.Rounding.Format(CoverageRounding.Parse(comparison.Head.Totals!.Coverage ?? "0"));
            yield return $"> Project coverage is {head}%. Comparing base [(`{comparison.Base.ShortSha}`)]({input.Links.Commit(comparison.Base.Sha!)}?dropdown=coverage&el=desc) to head [(`{comparison.Head.ShortSha}`)]({input.Links.Commit(comparison.Head.Sha!)}?dropdown=coverage&el=desc).";
        }
        else
        {
            var what = comparison.HasBaseReport ? "HEAD" : "BASE";
            var (branch, sha) = comparison.HasBaseReport ? ("", input.Pull.HeadSha) : (input.Pull.BaseBranch, input.Pull.BaseSha);
            yield return $"> Please [upload]({UploaderDocs}) report for {what} (`{branch}@{Short(sha)}`). [Learn more](https://docs.codecov.io/docs/error-reference#section-missing-{what.ToLowerInvariant()}-commit) about missing {what} report.";
        }
        if (input.BehindBy is > 0 and var behind)
            yield return $"> Report is {behind} commits behind head on {input.Pull.BaseBranch}.";
        if (comparison.Head.Sha is { } current && current != input.Pull.HeadSha)
        {
            yield return "";
            yield return $"> :exclamation: **Current head {Short(current)} differs from pull request most recent head {Short(input.Pull.HeadSha)}**";
            yield return ">";
            yield return $"> Please [upload]({UploaderDocs}) reports for the commit {Short(input.Pull.HeadSha)} to get more accurate results.";
        }
    }

    private IEnumerable<string> Diff()
    {
        yield return "";
        yield return "```diff";
        foreach (var line in DiffTable.Render(input.Rounding, input.Pull.BaseBranch, input.Comparison.Base.Totals, $"#{input.Pull.Id}", input.Comparison.Head.Totals!))
            yield return line;
        yield return "```";
    }

    private IEnumerable<string> Reach()
    {
        yield return "";
        yield return $"[![Impacted file tree graph]({input.Links.PullGraph("tree.svg")}?width=650&height=150&src=pr&token={input.Links.GraphToken})]({Pull}?src=pr&el=tree)";
    }

    private IEnumerable<string> Footer()
    {
        yield return "";
        yield return "------";
        yield return "";
        yield return $"[Continue to review full report in Codecov by Sentry]({Pull}?dropdown=coverage&src=pr&el=continue).";
        yield return "> **Legend** - [Click here to learn more](https://docs.codecov.io/docs/codecov-delta)";
        yield return "> `\u0394 = absolute <relative> (impact)`, `\u00f8 = not affected`, `? = missing data`";
        yield return $"> Powered by [Codecov]({Pull}?dropdown=coverage&src=pr&el=footer). Last update [{Short(input.Pull.BaseSha)}...{Short(input.Pull.HeadSha)}]({Pull}?dropdown=coverage&src=pr&el=lastupdated). Read the [comment docs](https://docs.codecov.io/docs/pull-request-comments).";
    }

    private IEnumerable<string> NewFooter()
    {
        yield return "";
        if (input.Settings.HideProjectCoverage)
        {
            yield return ":loudspeaker: Thoughts on this report? [Let us know!](https://about.codecov.io/pull-request-comment-report/)";
            yield break;
        }
        yield return $"[:umbrella: View full report in Codecov by Sentry]({Pull}?dropdown=coverage&src=pr&el=continue).   ";
        yield return ":loudspeaker: Have feedback on the report? [Share it here](https://about.codecov.io/codecov-pr-comment-feedback/).";
    }

    internal static string Short(string sha) => sha[..Math.Min(7, sha.Length)];
}
