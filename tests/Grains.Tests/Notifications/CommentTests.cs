using Codecov.Grains.Notifications;
using Codecov.Grains.Notifications.Comments;
using Codecov.Grains.Reports;
using Codecov.Grains.Reports.Comparison;
using static Codecov.Grains.Tests.Notifications.Reports;

namespace Codecov.Grains.Tests.Notifications;

// Key lines derived from the reference (codecov-semantics §4 "PR comment") and a real Codecov comment.
public sealed class CommentTests
{
    private static readonly DashboardLinks Links = new(new DashboardUrls("https://cov.example"), new RepositoryKey("github", "acme", "widgets"), 7);
    private const string Pull = "https://cov.example/gh/acme/widgets/pull/7";

    private static string Render(CoverageComparison comparison, CommentSettings settings) =>
        CommentRenderer.Render(new CommentInput(comparison, settings, CoverageRounding.Default, Links, new PullInfo(7, "main", BaseSha, HeadSha)));

    private static CoverageComparison PatchWithMisses() => Compare(
        Build(("src/app.c", "hh")),
        Build(("src/app.c", "hhhmmp")),
        Modified("src/app.c", Segment(2, 2, " b", "+c", "+d", "+e", "+f")));

    [Fact]
    public void Diff_table_matches_codecovs_alignment()
    {
        // The numbers of a real Codecov comment (boostorg/math#1161) and its rendered table.
        var baseTotals = new ReportTotals(774, 64303, 58827, 5476, 0, CoverageRatio.Of(58827, 64303), 0, 0, 0, 1, 0, 0, 0);
        var headTotals = new ReportTotals(774, 64318, 58854, 5464, 0, CoverageRatio.Of(58854, 64318), 0, 0, 0, 1, 0, 0, 0);
        string[] expected =
        [
            "@@             Coverage Diff             @@",
            "##           develop    #1161      +/-   ##",
            "===========================================",
            "+ Coverage    91.48%   91.50%   +0.02%     ",
            "===========================================",
            "  Files          774      774              ",
            "  Lines        64303    64318      +15     ",
            "===========================================",
            "+ Hits         58827    58854      +27     ",
            "+ Misses        5476     5464      -12     ",
        ];
        Assert.Equal(expected, DiffTable.Render(CoverageRounding.Default, "develop", baseTotals, "#1161", headTotals));
    }

    [Fact]
    public void Header_reports_patch_misses_and_project_coverage()
    {
        var lines = Render(PatchWithMisses(), new CommentSettings(["condensed_header"])).Split('\n');
        Assert.Equal($"## [Codecov]({Pull}?dropdown=coverage&src=pr&el=h1) Report", lines[0]);
        Assert.Equal("Attention: Patch coverage is `25.00000%` with `3 lines` in your changes missing coverage. Please review.", lines[1]);
        Assert.Equal($"> Project coverage is 50.00%. Comparing base [(`abc1234`)](https://cov.example/gh/acme/widgets/commit/{BaseSha}?dropdown=coverage&el=desc) to head [(`def5678`)](https://cov.example/gh/acme/widgets/commit/{HeadSha}?dropdown=coverage&el=desc).", lines[2]);
    }

    [Fact]
    public void Header_without_base_asks_for_the_base_upload_and_a_covered_patch_says_so()
    {
        var comparison = Compare(null, Build(("a.c", "h")), Modified("a.c", Segment(1, 1, "+a")));
        var lines = Render(comparison, new CommentSettings(["header"])).Split('\n');
        Assert.Equal("All modified and coverable lines are covered by tests :white_check_mark:", lines[1]);
        Assert.StartsWith("> Please [upload](", lines[2]);
        Assert.EndsWith("report for BASE (`main@abc1234`). [Learn more](https://docs.codecov.io/docs/error-reference#section-missing-base-commit) about missing BASE report.", lines[2]);
    }

    [Fact]
    public void Hide_project_coverage_drops_the_project_line()
    {
        var text = Render(PatchWithMisses(), new CommentSettings(["condensed_header"], HideProjectCoverage: true));
        Assert.DoesNotContain("Project coverage", text);
    }

    [Fact]
    public void A_missing_header_is_forced_and_files_brings_the_files_with_missing_lines_table()
    {
        Assert.Equal(["condensed_header", "diff", "files", "newfiles"], CommentRenderer.Layout(["diff", "files"]));
    }

    [Fact]
    public void Files_with_missing_lines_rows_show_patch_percent_and_missing_counts()
    {
        var text = Render(PatchWithMisses(), new CommentSettings(["condensed_header", "condensed_files"]));
        var hash = Convert.ToBase64String("src/app.c"u8.ToArray());
        Assert.Contains($"| [Files with missing lines]({Pull}?dropdown=coverage&src=pr&el=tree) | Patch % | Lines |\n|---|---|---|", text);
        Assert.Contains($"| [src/app.c]({Pull}?src=pr&el=tree&filepath=src%2Fapp.c#diff-{hash}) | 25.00% | [2 Missing and 1 partial :warning: ]({Pull}?src=pr&el=tree) |", text);
    }

    [Fact]
    public void Files_table_shows_delta_cells()
    {
        var text = Render(PatchWithMisses(), new CommentSettings(["condensed_header", "files"]));
        // absolute = head file 50%, relative = file patch 25%, impact = 50 - 100.
        Assert.Contains("| `50.00% <25.00%> (-50.00%)` | :arrow_down: |", text);
    }

    [Fact]
    public void Hide_comment_details_wraps_the_middle_sections()
    {
        var text = Render(PatchWithMisses(), new CommentSettings(["condensed_header", "diff", "condensed_footer"], HideCommentDetails: true));
        Assert.Contains("<details><summary>Additional details and impacted files</summary>\n", text);
        var closing = text.IndexOf("</details>", StringComparison.Ordinal);
        Assert.True(closing > text.IndexOf("```diff", StringComparison.Ordinal));
        Assert.True(closing < text.IndexOf("View full report in Codecov by Sentry", StringComparison.Ordinal));
    }

    [Fact]
    public void Footer_has_the_legend_and_last_update()
    {
        var text = Render(PatchWithMisses(), new CommentSettings(["condensed_header", "footer"]));
        Assert.Contains("> `\u0394 = absolute <relative> (impact)`, `\u00f8 = not affected`, `? = missing data`", text);
        Assert.Contains($"Last update [abc1234...def5678]({Pull}?dropdown=coverage&src=pr&el=lastupdated)", text);
    }

    private static CoverageComparison WithFlags(bool carried)
    {
        var report = BuildSession(1, ("a.c", "hm"));
        AddTo(report, 2, ("b.c", "hh"));
        var flags = new SessionFlags(
            new Dictionary<int, IReadOnlyList<string>> { [1] = ["unit"], [2] = ["ui"] },
            carried ? new Dictionary<int, string> { [2] = BaseSha } : new Dictionary<int, string>());
        return new CoverageComparison(new ComparedCommit(BaseSha, report, flags), new ComparedCommit(HeadSha, report, flags), []);
    }

    [Fact]
    public void Carried_forward_flags_are_hidden_with_a_note()
    {
        var text = Render(WithFlags(carried: true), new CommentSettings(["condensed_header", "flags"]));
        Assert.Contains($"| [Flag]({Pull}/flags?src=pr&el=flags) | Coverage \u0394 | |", text);
        Assert.Contains($"| [unit]({Pull}/flags?src=pr&el=flag) | `50.00% <0.00%> (\u00f8)` | |", text);
        Assert.DoesNotContain("[ui]", text);
        Assert.Contains("Flags with carried forward coverage won't be shown.", text);
    }

    [Fact]
    public void Shown_carried_forward_flags_get_the_carriedforward_column()
    {
        var text = Render(WithFlags(carried: true), new CommentSettings(["condensed_header", "flags"], ShowCarryforwardFlags: true));
        Assert.Contains("| Coverage \u0394 | | *Carryforward flag |\n|---|---|---|---|", text);
        Assert.Contains($"| [ui]({Pull}/flags?src=pr&el=flag) | `100.00% <0.00%> (\u00f8)` | | Carriedforward from [abc1234](https://cov.example/gh/acme/widgets/commit/{BaseSha}) |", text);
    }
}
