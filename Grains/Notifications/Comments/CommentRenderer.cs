namespace Codecov.Grains.Notifications.Comments;

/// <summary>
/// Codecov's PR comment (worker <c>MessageMixin.create_message</c> and <c>get_message_layout</c>;
/// codecov-semantics §4 "Normal structure"): header sections and the files-with-missing-lines table on top,
/// the detail sections in the middle (optionally inside <c>&lt;details&gt;</c>), the new footer last.
/// </summary>
public static class CommentRenderer
{
    private static readonly HashSet<string> Headers = ["header", "newheader", "condensed_header"];

    public static string Render(CommentInput input)
    {
        var layout = Layout(input.Settings.Layout);
        var sections = new CommentSections(input);
        var message = new List<string> { $"## [Codecov]({input.Links.Pull}?dropdown=coverage&src=pr&el=h1) Report" };
        foreach (var section in layout.Where(IsUpper)) message.AddRange(sections.Write(section));
        if (input.Comparison.HasHeadReport)
        {
            var middle = layout.Where(IsMiddle).ToList();
            var compact = middle.Count > 0 && input.Settings.HideCommentDetails;
            if (compact)
            {
                message.Add("");
                message.Add("<details><summary>Additional details and impacted files</summary>\n");
                message.Add("");
            }
            foreach (var section in middle) message.AddRange(sections.Write(section));
            if (compact) message.Add("</details>");
            foreach (var section in layout.Where(IsLower)) message.AddRange(sections.Write(section));
        }
        return string.Join('\n', message);
    }

    /// <summary>A header is forced if none is listed; <c>newfiles</c> follows when <c>files</c> or <c>tree</c> is present.</summary>
    internal static List<string> Layout(IReadOnlyList<string> configured)
    {
        var sections = configured.Select(s => s.Trim()).ToList();
        if (!sections.Any(Headers.Contains)) sections.Insert(0, "condensed_header");
        if (sections.Contains("files") || sections.Contains("tree")) sections.Add("newfiles");
        return sections;
    }

    private static bool IsUpper(string section) => Headers.Contains(section) || section is "newfiles" or "condensed_files";

    private static bool IsLower(string section) => section is "newfooter" or "condensed_footer";

    private static bool IsMiddle(string section) =>
        section.StartsWith("flag", StringComparison.Ordinal) || section == "diff" || section.StartsWith("files", StringComparison.Ordinal)
        || section.StartsWith("tree", StringComparison.Ordinal) || section == "reach" || section.StartsWith("component", StringComparison.Ordinal)
        || section == "footer";
}
