using Codecov.Benchmarks.Inputs;

namespace Codecov.Benchmarks.Modes;

/// <summary>
/// <c>verify</c>: checks that every scaled input is its fixture repeated — files, lines and hits
/// are the fixture's times the number of copies — so the benchmarks measure real parsing work
/// (a copy whose paths failed to resolve would be dropped and make the parser look faster).
/// </summary>
public static class VerifyMode
{
    public static int Run()
    {
        var failures = 0;
        foreach (var scaled in ReportInputs.Large())
        {
            var original = ReportInputs.Fixtures().First(f => f.Folder == scaled.Folder && f.ReportFile == scaled.ReportFile);
            var one = Totals(original);
            var many = Totals(scaled);
            var expected = (one.Files * scaled.Copies, one.Lines * scaled.Copies, one.Hits * scaled.Copies);
            var actual = (many.Files, many.Lines, many.Hits);
            var ok = expected == actual && one.Lines > 0;
            if (!ok) failures++;
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {scaled.Name}: {scaled.Bytes:N0} bytes, files/lines/hits {actual} expected {expected}");
        }
        return failures == 0 ? 0 : 1;
    }

    private static Codecov.Grains.Reports.ReportTotals Totals(ReportInput input)
    {
        using var content = File.OpenRead(input.FilePath);
        return Engine.Parse(Engine.Format(input.Format), content, input.Network()).Totals;
    }
}
