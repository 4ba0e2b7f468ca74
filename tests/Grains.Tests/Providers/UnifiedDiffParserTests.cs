using Codecov.Grains.Providers;

namespace Codecov.Grains.Tests.Providers;

public sealed class UnifiedDiffParserTests
{
    private readonly UnifiedDiffParser parser = new();

    [Fact]
    public void A_modified_file_with_two_hunks_keeps_both_headers_and_their_lines()
    {
        const string diff = """
            diff --git a/src/app.py b/src/app.py
            index 1111111..2222222 100644
            --- a/src/app.py
            +++ b/src/app.py
            @@ -1,3 +1,4 @@ def main():
             import os
            +import sys
             
             x = 1
            @@ -10,2 +11,2 @@ class A:
            -    return 1
            +    return 2
                 pass

            """;

        var file = Assert.Single(parser.Parse(diff).Files);

        Assert.Equal("src/app.py", file.Path);
        Assert.Null(file.OldPath);
        Assert.Equal(DiffFileKind.Modified, file.Kind);
        Assert.Equal(2, file.Segments.Count);
        Assert.Equal(new DiffSegmentHeader(1, 3, 1, 4), file.Segments[0].Header);
        Assert.Equal(new DiffSegmentHeader(10, 2, 11, 2), file.Segments[1].Header);
        Assert.Equal([' ', '+', ' ', ' '], file.Segments[0].Lines.Select(l => l.Kind));
        Assert.Equal([2], file.Segments[0].AddedHeadLines());
        Assert.Equal(['-', '+', ' '], file.Segments[1].Lines.Select(l => l.Kind));
        Assert.Equal([11], file.Segments[1].AddedHeadLines());
    }

    [Fact]
    public void A_new_file_is_new_and_its_header_without_lengths_means_one_line()
    {
        const string diff = """
            diff --git a/one.txt b/one.txt
            new file mode 100644
            index 0000000..3333333
            --- /dev/null
            +++ b/one.txt
            @@ -0,0 +1 @@
            +only line

            """;

        var file = Assert.Single(parser.Parse(diff).Files);

        Assert.Equal(DiffFileKind.New, file.Kind);
        Assert.Equal("one.txt", file.Path);
        Assert.Equal(new DiffSegmentHeader(0, 0, 1, 1), file.Segments[0].Header);
        Assert.Equal([new DiffLine('+', "only line")], file.Segments[0].Lines);
    }

    [Fact]
    public void A_deleted_file_keeps_its_old_path()
    {
        const string diff = """
            diff --git a/gone.c b/gone.c
            deleted file mode 100644
            index 4444444..0000000
            --- a/gone.c
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -int a;
            -int b;

            """;

        var file = Assert.Single(parser.Parse(diff).Files);

        Assert.Equal(DiffFileKind.Deleted, file.Kind);
        Assert.Equal("gone.c", file.Path);
        Assert.Equal(['-', '-'], file.Segments[0].Lines.Select(l => l.Kind));
    }

    [Fact]
    public void A_renamed_file_reports_both_paths_even_without_content_changes()
    {
        const string diff = """
            diff --git a/old/name.go b/new/name.go
            similarity index 100%
            rename from old/name.go
            rename to new/name.go
            diff --git a/b.go b/b.go
            index 5555555..6666666 100644
            --- a/b.go
            +++ b/b.go
            @@ -1 +1 @@
            -a
            +b

            """;

        var files = parser.Parse(diff).Files;

        Assert.Equal(2, files.Count);
        Assert.Equal(new DiffFile("new/name.go", "old/name.go", DiffFileKind.Renamed, []), files[0] with { Segments = [] });
        Assert.Empty(files[0].Segments);
        Assert.Equal("b.go", files[1].Path);
        Assert.Equal(DiffFileKind.Modified, files[1].Kind);
    }

    [Fact]
    public void A_binary_file_has_no_segments()
    {
        const string diff = """
            diff --git a/logo.png b/logo.png
            index 7777777..8888888 100644
            Binary files a/logo.png and b/logo.png differ

            """;

        var file = Assert.Single(parser.Parse(diff).Files);

        Assert.Equal(DiffFileKind.Binary, file.Kind);
        Assert.Equal("logo.png", file.Path);
        Assert.Empty(file.Segments);
    }

    [Fact]
    public void No_newline_markers_are_not_lines()
    {
        const string diff = """
            diff --git a/end.txt b/end.txt
            --- a/end.txt
            +++ b/end.txt
            @@ -1,2 +1,2 @@
             first
            -last
            \ No newline at end of file
            +last
            \ No newline at end of file

            """;

        var segment = Assert.Single(Assert.Single(parser.Parse(diff).Files).Segments);

        Assert.Equal([' ', '-', '+'], segment.Lines.Select(l => l.Kind));
        Assert.Equal([2], segment.AddedHeadLines());
    }

    [Fact]
    public void A_removed_line_that_looks_like_a_file_header_stays_in_its_hunk()
    {
        const string diff = """
            --- a/notes.md
            +++ b/notes.md
            @@ -1,2 +1,1 @@
            --- a horizontal rule
             text

            """;

        var file = Assert.Single(parser.Parse(diff).Files);

        Assert.Equal("notes.md", file.Path);
        Assert.Equal([new DiffLine('-', "-- a horizontal rule"), new DiffLine(' ', "text")], file.Segments[0].Lines);
    }

    [Fact]
    public void A_github_patch_field_parses_into_segments()
    {
        const string patch = "@@ -3,2 +3,3 @@ fn x()\n a\n+b\n c\n@@ -20 +21,2 @@\n-d\n+e\n+f";

        var segments = parser.ParseSegments(patch);

        Assert.Equal(2, segments.Count);
        Assert.Equal([4], segments[0].AddedHeadLines());
        Assert.Equal(new DiffSegmentHeader(20, 1, 21, 2), segments[1].Header);
        Assert.Equal([21, 22], segments[1].AddedHeadLines());
    }
}
