using Codecov.Grains.Formats;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Tests.Formats;

public sealed class XcodeLlvmCovFormatTests
{
    // llvm-cov show text: "line|count|source"; line 1 has no count, which tells xcode.py the column order.
    private const string Sample = """
        /Users/dev/App/Sources/Greeter.swift:
            1|      |import Foundation
            2|     3|func greet() {
            3|     0|    print("never")
            4|  1.2k|    loop()
            5|     3|}
        """;

    [Fact]
    public void Counts_follow_xcode_py_rules()
    {
        var file = TextFixtureReport.ParseText(new XcodeLlvmCovFormat(), Sample)["Users/dev/App/Sources/Greeter.swift"]!;
        // Line 5 is a closing brace and skipped; 1.2k reads as 1200.
        Assert.Equal([2, 3, 4], file.Lines.Select(l => l.Key));
        Assert.Equal(CoverageValue.FromHits(1200), file[4]!.Coverage);
        Assert.Equal(LineType.Miss, file[3]!.Type);
    }

    [Fact]
    public void The_registry_claims_a_report_whose_first_line_names_a_swift_file() =>
        Assert.IsType<XcodeLlvmCovFormat>(FormatRegistry.Default.Detect(new ReportProbe("report.txt", System.Text.Encoding.UTF8.GetBytes(Sample))));
}
