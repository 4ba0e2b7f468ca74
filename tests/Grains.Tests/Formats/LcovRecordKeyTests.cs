using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// lcov.py keys a record's branches by the line number and <c>block:branch</c> id exactly as
/// written; these pin that down now that plain numbers are held as numbers.
/// </summary>
public sealed class LcovRecordKeyTests
{
    private static CoverageReport Parse(string text) => TextFixtureReport.ParseText(new LcovFormat(), text);

    [Fact]
    public void Branch_lines_spelled_differently_are_separate_keys_and_the_later_one_is_written_last()
    {
        var line = Parse("SF:a.c\nDA:12,1\nBRDA:12,0,0,1\nBRDA:012,0,0,0\nBRDA:012,0,1,-\nend_of_record\n")["a.c"]![12]!;
        Assert.Equal(CoverageValue.FromBranches(0, 2), line.Coverage);
        Assert.Equal(["0:0", "0:1"], line.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void A_repeated_branch_id_keeps_its_place_and_takes_the_last_taken_count()
    {
        var line = Parse("SF:a.c\nDA:3,1\nBRDA:3,0,0,0\nBRDA:3,0,1,0\nBRDA:3,0,0,4\nend_of_record\n")["a.c"]![3]!;
        Assert.Equal(CoverageValue.FromBranches(1, 2), line.Coverage);
        Assert.Equal(["0:1"], line.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void Missed_branch_ids_keep_the_text_they_were_written_with()
    {
        var line = Parse("SF:a.c\nDA:3,1\nBRDA:3,00,1,-\nBRDA:3,17,20,0\nBRDA:3,x,1,0\nBRDA:3,2,2,1\nend_of_record\n")["a.c"]![3]!;
        Assert.Equal(CoverageValue.FromBranches(1, 4), line.Coverage);
        Assert.Equal(["00:1", "17:20", "x:1"], line.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void A_function_line_spelled_differently_does_not_make_the_branch_line_a_method()
    {
        var report = Parse("SF:a.c\nFN:03,f\nFN:4,g\nDA:3,1\nDA:4,1\nBRDA:3,0,0,1\nBRDA:4,0,0,1\nend_of_record\n");
        Assert.Equal(LineKind.Branch, report["a.c"]![3]!.Kind);
        Assert.Equal(LineKind.Method, report["a.c"]![4]!.Kind);
    }

    [Fact]
    public void Branches_of_a_mangled_cpp_function_are_dropped_and_the_hit_count_stays()
    {
        var line = Parse("SF:a.cpp\nFN:3,_Z3foov\nDA:3,2\nBRDA:3,0,0,1\nBRDA:3,0,1,0\nend_of_record\n")["a.cpp"]![3]!;
        Assert.Equal(CoverageValue.FromHits(2), line.Coverage);
        Assert.Equal(LineKind.Line, line.Kind);
    }

    [Fact]
    public void Carriage_returns_end_lines_as_newlines_do()
    {
        var file = Parse("SF:a.c\r\nDA:1,1\rDA:2,0\r\nDA:3,4\nend_of_record\r")["a.c"]!;
        Assert.Equal([1, 2, 3], file.Lines.Select(l => l.Key));
    }

    [Fact]
    public void Branch_data_of_one_record_does_not_leak_into_the_next()
    {
        var report = Parse("SF:a.c\nDA:3,1\nBRDA:3,0,0,0\nend_of_record\nSF:b.c\nDA:3,1\nend_of_record\n");
        Assert.Equal(CoverageValue.FromHits(1), report["b.c"]![3]!.Coverage);
    }

    [Fact]
    public void A_line_with_many_branches_still_overwrites_a_repeated_id_in_place()
    {
        var brda = string.Concat(Enumerable.Range(0, 40).Select(i => $"BRDA:5,0,{i},0\n"));
        var report = Parse($"SF:a.c\nDA:5,1\n{brda}BRDA:5,0,3,1\nend_of_record\nSF:b.c\nDA:5,1\nBRDA:5,0,3,0\nend_of_record\n");
        var line = report["a.c"]![5]!;
        Assert.Equal(CoverageValue.FromBranches(1, 40), line.Coverage);
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i != 3).Select(i => $"0:{i}"), line.Sessions[0].Missing.Ids!);
        Assert.Equal(CoverageValue.FromBranches(0, 1), report["b.c"]![5]!.Coverage);
    }
}
