using System.Text;
using Codecov.Grains.Reports;
using CsCheck;

namespace Codecov.Grains.Tests.Storage;

public sealed class ReportArchiveTests
{
    [Fact]
    public void Any_report_round_trips_with_identical_totals_and_line_sessions()
    {
        ReportGen.Report.Sample(report =>
        {
            var copy = RoundTrip(report);
            AssertSameReport(report, copy);
        }, iter: 300);
    }

    [Fact]
    public void Unknown_and_empty_missing_branches_stay_distinct()
    {
        var report = new CoverageReport();
        var file = report.GetOrAddFile("src/a.c");
        file.Set(1, new ReportLine(LineKind.Branch, new LineSession(1, CoverageValue.FromBranches(1, 2), MissingBranches.Unknown)));
        file.Set(2, new ReportLine(LineKind.Branch, new LineSession(1, CoverageValue.FromBranches(2, 2), MissingBranches.None)));
        file.Set(3, new ReportLine(LineKind.Branch, new LineSession(1, CoverageValue.FromBranches(0, 2), new MissingBranches(["0", "1"]))));
        file.Set(4, new ReportLine(LineKind.Branch, new LineSession(1, CoverageValue.FromBranches(1, 2), new MissingBranches([""]))));

        var copy = RoundTrip(report)["src/a.c"]!;

        Assert.Null(copy[1]!.Sessions[0].Missing.Ids);
        Assert.Equal([], copy[2]!.Sessions[0].Missing.Ids!);
        Assert.Equal(["0", "1"], copy[3]!.Sessions[0].Missing.Ids!);
        Assert.Equal([""], copy[4]!.Sessions[0].Missing.Ids!);
    }

    [Fact]
    public void Ordinary_paths_are_written_readably_and_separators_are_escaped()
    {
        var report = new CoverageReport();
        report.AddSession(0);
        report.GetOrAddFile("src/app/main.py").Set(3, new ReportLine(LineKind.Line, new LineSession(0, CoverageValue.FromHits(2), MissingBranches.Unknown)));
        report.GetOrAddFile("docs/a b,c%.md").Set(1, new ReportLine(LineKind.Line, new LineSession(0, CoverageValue.FromHits(0), MissingBranches.Unknown)));

        var text = Encoding.UTF8.GetString(Write(report));

        Assert.Contains("\nF src/app/main.py 1\n3 l 0,2,?,_\n", text);
        Assert.Contains("\nF docs/a%20b%2Cc%25.md 1\n", text);
    }

    [Fact]
    public async Task Reading_file_by_file_hands_out_each_file_before_the_rest_of_the_archive_is_read()
    {
        var bytes = Write(SampleReport());
        // Cut the archive inside its second file: the first file must already have been handed out.
        var text = Encoding.UTF8.GetString(bytes);
        var cut = text.IndexOf("\nF ", text.IndexOf("\nF ", StringComparison.Ordinal) + 1, StringComparison.Ordinal) + 4;
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var file in ReportArchive.ReadFilesAsync(new MemoryStream(bytes, 0, cut))) seen.Add(file.Path);
        });

        Assert.Equal([SampleReport().Files.First().Path], seen);
        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void Every_truncation_of_an_archive_is_reported_as_corrupt()
    {
        var bytes = Write(SampleReport());

        for (var length = 0; length < bytes.Length - 1; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => Read(bytes.AsSpan(0, length).ToArray()));
            Assert.Contains("corrupt", error.Message);
        }
    }

    [Theory]
    [InlineData("3 l 0,2,?,_", "3 l 0,abc,?,_", "'abc' is not a coverage value")]
    [InlineData("3 l 0,2,?,_", "3 x 0,2,?,_", "'x' is not a line kind")]
    [InlineData("3 l 0,2,?,_", "3 l 0,2,_", "does not have 4 fields")]
    [InlineData("3 l 0,2,?,_", "3 l 0,2,maybe,_", "not a missing-branches field")]
    [InlineData("3 l 0,2,?,_", "three l 0,2,?,_", "not a valid line number")]
    [InlineData("F src/app/main.py 1", "F src/app/main%G1.py 1", "malformed %-escape")]
    [InlineData("END 2 3", "END 2 4", "trailer counts")]
    [InlineData("END 2 3", "END 2 3\nextra", "data after the END trailer")]
    [InlineData("codecov-report-archive 1", "codecov-report-archive 2", "header")]
    public void A_damaged_archive_is_rejected_with_the_line_and_reason(string original, string damaged, string reason)
    {
        var text = Encoding.UTF8.GetString(Write(SampleReport()));
        Assert.Contains(original, text);

        var error = Assert.Throws<InvalidDataException>(() => Read(Encoding.UTF8.GetBytes(text.Replace(original, damaged))));

        Assert.Contains("Report archive is corrupt at line", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_as_corrupt()
    {
        var bytes = Write(SampleReport());
        bytes[bytes.Length / 2] = 0xFF;

        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));

        Assert.Contains("not valid UTF-8", error.Message);
    }

    private static CoverageReport SampleReport()
    {
        var report = new CoverageReport();
        report.AddSession(0);
        report.AddSession(1);
        report.GetOrAddFile("src/app/main.py").Set(3, new ReportLine(LineKind.Line, new LineSession(0, CoverageValue.FromHits(2), MissingBranches.Unknown)));
        var lib = report.GetOrAddFile("src/lib.c");
        lib.Set(1, new ReportLine(LineKind.Method, new LineSession(1, CoverageValue.FromHits(1), MissingBranches.Unknown, new Complexity(2, 3))));
        lib.Set(9, new ReportLine(LineKind.Branch, [
            new LineSession(0, CoverageValue.FromBranches(1, 4), new MissingBranches(["0:1", "2"])),
            new LineSession(1, CoverageValue.Partial, MissingBranches.None, new Complexity(1, null)),
        ]));
        return report;
    }

    private static byte[] Write(CoverageReport report)
    {
        var buffer = new MemoryStream();
        ReportArchive.WriteAsync(report, buffer).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    private static CoverageReport Read(byte[] bytes) => ReportArchive.ReadAsync(new MemoryStream(bytes)).GetAwaiter().GetResult();

    private static CoverageReport RoundTrip(CoverageReport report) => Read(Write(report));

    private static void AssertSameReport(CoverageReport expected, CoverageReport actual)
    {
        Assert.Equal(expected.Totals, actual.Totals);
        Assert.Equal(expected.SessionIds, actual.SessionIds);
        Assert.Equal(expected.Files.Select(f => f.Path), actual.Files.Select(f => f.Path));
        foreach (var file in expected.Files)
        {
            var copy = actual[file.Path]!;
            Assert.Equal(file.Totals, copy.Totals);
            Assert.Equal(file.Lines.Select(l => l.Key), copy.Lines.Select(l => l.Key));
            foreach (var (number, line) in file.Lines) AssertSameLine(line, copy[number]!);
        }
    }

    private static void AssertSameLine(ReportLine expected, ReportLine actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Coverage, actual.Coverage);
        Assert.Equal(expected.Complexity, actual.Complexity);
        Assert.Equal(expected.Sessions.Count, actual.Sessions.Count);
        for (var i = 0; i < expected.Sessions.Count; i++)
        {
            var (a, b) = (expected.Sessions[i], actual.Sessions[i]);
            Assert.Equal(a.SessionId, b.SessionId);
            Assert.Equal(a.Coverage, b.Coverage);
            Assert.Equal(a.Complexity, b.Complexity);
            Assert.Equal(a.Missing.IsKnown, b.Missing.IsKnown);
            if (a.Missing.IsKnown) Assert.Equal(a.Missing.Ids!, b.Missing.Ids!);
        }
    }

    /// <summary>Random reports: every coverage kind, all three missing-branch states, odd characters in paths and branch ids.</summary>
    private static class ReportGen
    {
        private const string PathChars = "abz09/._- ,;%|é\t";
        private const string BranchChars = "0129:ab ,|%;";

        private static readonly Gen<CoverageValue> Coverage = Gen.OneOf(
            Gen.Const(CoverageValue.None),
            Gen.Const(CoverageValue.Partial),
            Gen.Const(CoverageValue.Skipped),
            Gen.Int[0, 100_000].Select(h => CoverageValue.FromHits(h)),
            Gen.Select(Gen.Int[0, 8], Gen.Int[0, 8]).Select((c, t) => CoverageValue.FromBranches(Math.Min(c, t), t)));

        private static readonly Gen<MissingBranches> Missing = Gen.OneOf(
            Gen.Const(MissingBranches.Unknown),
            Gen.Const(MissingBranches.None),
            Gen.Char[BranchChars].Array[0, 4].Select(c => new string(c)).Array[1, 4].Select(ids => new MissingBranches(ids)));

        private static readonly Gen<Complexity?> ComplexityGen = Gen.OneOf(
            Gen.Const((Complexity?)null),
            Gen.Int[0, 20].Select(v => (Complexity?)new Complexity(v, null)),
            Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20]).Select((v, t) => (Complexity?)new Complexity(v, t)));

        private static readonly Gen<LineSession> Session =
            Gen.Select(Gen.Int[0, 12], Coverage, Missing, ComplexityGen).Select((id, c, m, x) => new LineSession(id, c, m, x));

        private static readonly Gen<ReportLine> Line =
            Gen.Select(Gen.Enum<LineKind>(), Session.Array[0, 4]).Select((kind, sessions) => new ReportLine(kind, sessions));

        private static readonly Gen<(string Path, (int Number, ReportLine Line)[] Lines)> File =
            Gen.Select(Gen.Char[PathChars].Array[0, 12].Select(c => new string(c)), Gen.Select(Gen.Int[1, 5000], Line).Array[0, 25]);

        public static readonly Gen<CoverageReport> Report =
            Gen.Select(Gen.Int[0, 30].Array[0, 6], File.Array[0, 6]).Select((sessions, files) =>
            {
                var report = new CoverageReport();
                foreach (var id in sessions) report.AddSession(id);
                foreach (var (path, lines) in files)
                {
                    var file = report.GetOrAddFile(path);
                    foreach (var (number, line) in lines) file.Set(number, line);
                }
                return report;
            });
    }
}
