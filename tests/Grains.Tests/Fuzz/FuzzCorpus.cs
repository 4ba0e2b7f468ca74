using System.Text;
using System.Text.Json;
using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Fuzz;

/// <summary>One report to mutate: where it came from and its bytes.</summary>
public sealed record FuzzSeed(string Name, byte[] Content);

/// <summary>
/// The seeds of the fuzz run: every fixture report under tests/Grains.Tests/Fixtures (grouped by
/// the format the registry gives it) plus a small hand-written report per format, so each of the
/// fifteen formats has something to mutate.
/// </summary>
public static class FuzzCorpus
{
    /// <summary>Bigger fixtures are truncated-tested elsewhere; mutating them is slow and finds nothing the small ones miss.</summary>
    private const int MaxSeedBytes = 256 * 1024;

    private static readonly Lazy<IReadOnlyList<FuzzSeed>> FixtureSeeds = new(LoadFixtures);

    public static TheoryData<string> FormatNames()
    {
        var data = new TheoryData<string>();
        foreach (var format in FormatRegistry.Default.Formats) data.Add(format.Name);
        return data;
    }

    public static ICoverageFormat Format(string name) => FormatRegistry.Default.Formats.Single(f => f.Name == name);

    /// <summary>Seeds for one format: its small report and the fixtures the registry gives it.</summary>
    public static IReadOnlyList<FuzzSeed> For(string formatName)
    {
        var seeds = SmallSeeds.Where(s => s.Format == formatName)
            .Select(s => new FuzzSeed($"{formatName} seed", Encoding.UTF8.GetBytes(s.Text))).ToList();
        var format = Format(formatName);
        seeds.AddRange(FixtureSeeds.Value.Where(s => s.Content.Length <= MaxSeedBytes && FormatRegistry.Default.Detect(Probe(s)) == format));
        return seeds;
    }

    /// <summary>Every report file of every fixture folder, as codecov-totals.json names them.</summary>
    public static IReadOnlyList<FuzzSeed> FixtureReports() => FixtureSeeds.Value;

    private static ReportProbe Probe(FuzzSeed seed) =>
        new(Path.GetFileName(seed.Name), seed.Content.AsMemory(0, Math.Min(seed.Content.Length, ReportProbe.HeadSize)));

    private static IReadOnlyList<FuzzSeed> LoadFixtures()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var seeds = new List<FuzzSeed>();
        foreach (var totals in Directory.GetFiles(root, "codecov-totals.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(totals)!;
            using var json = JsonDocument.Parse(File.ReadAllText(totals));
            foreach (var upload in json.RootElement.GetProperty("uploads").EnumerateArray())
            {
                var report = upload.GetProperty("report");
                var names = report.ValueKind == JsonValueKind.Array ? report.EnumerateArray().Select(r => r.GetString()!) : [report.GetString()!];
                foreach (var name in names)
                    seeds.Add(new FuzzSeed(Path.GetRelativePath(root, Path.Combine(folder, name)), File.ReadAllBytes(Path.Combine(folder, name))));
            }
        }
        return seeds;
    }

    private sealed record SmallSeed(string Format, string Text);

    /// <summary>Minimal reports in each format's shape (mirroring the format tests' samples).</summary>
    private static readonly SmallSeed[] SmallSeeds =
    [
        new("scoverage", """
            <statements>
              <statement><source>/ci/src/Calc.scala</source><line>3</line><count>4</count><branch>false</branch><ignored>false</ignored></statement>
              <statement><source>/ci/src/Calc.scala</source><line>5</line><count>1</count><branch>true</branch><ignored>false</ignored></statement>
            </statements>
            """),
        new("dotcover", """
            <?xml version="1.0" encoding="utf-8"?>
            <Root CoveredStatements="1" TotalStatements="2" ReportType="DetailedXml">
              <File Index="1" Name="C:\build\src\Calc.cs" />
              <Assembly Name="Calc"><Namespace Name="Calc"><Type Name="C"><Method Name="Add">
                <Statement FileIndex="1" Line="5" Column="9" EndLine="5" EndColumn="10" Covered="True" />
                <Statement FileIndex="1" Line="6" Column="9" EndLine="8" EndColumn="10" Covered="False" />
              </Method></Type></Namespace></Assembly>
            </Root>
            """),
        new("clover", """
            <?xml version="1.0" encoding="UTF-8"?>
            <coverage generated="1700000000000" clover="3.2.0">
              <project timestamp="1700000000000"><package name="p"><file name="a.js" path="/ci/src/a.js">
                <line num="1" count="2" type="stmt"/><line num="2" count="0" type="cond" truecount="1" falsecount="0"/>
                <line num="3" count="1" type="method" complexity="2"/>
              </file></package></project>
            </coverage>
            """),
        new("opencover", """
            <?xml version="1.0" encoding="utf-8"?>
            <CoverageSession><Modules><Module><Files><File uid="1" fullPath="C:\src\A.cs" /></Files>
              <Classes><Class><Methods><Method><FileRef uid="1" />
                <SequencePoints><SequencePoint vc="1" sl="3" el="3" bec="2" bev="1" fileid="1" /><SequencePoint vc="0" sl="4" el="5" fileid="1" /></SequencePoints>
                <BranchPoints><BranchPoint vc="1" sl="3" path="0" fileid="1" /><BranchPoint vc="0" sl="3" path="1" fileid="1" /></BranchPoints>
              </Method></Methods></Class></Classes></Module></Modules></CoverageSession>
            """),
        new("jacoco", """
            <?xml version="1.0" encoding="UTF-8"?>
            <report name="r"><sessioninfo id="s" start="1700000000000" dump="1700000000001"/>
              <package name="org/x"><sourcefile name="A.java">
                <line nr="3" mi="0" ci="2" mb="1" cb="1"/><line nr="4" mi="1" ci="0" mb="0" cb="0"/>
                <counter type="LINE" missed="1" covered="1"/></sourcefile></package>
            </report>
            """),
        new("cobertura", """
            <?xml version="1.0" ?>
            <coverage version="5.5" timestamp="1700000000000" lines-valid="3" lines-covered="2" line-rate="0.66">
              <sources><source>/ci/repo</source></sources>
              <packages><package name="p"><classes><class name="a" filename="src/a.py"><methods/><lines>
                <line number="1" hits="1"/><line number="2" hits="0"/>
                <line number="3" hits="2" branch="true" condition-coverage="50% (1/2)" missing-branches="4"/>
              </lines></class></classes></package></packages>
            </coverage>
            """),
        new("lcov", "TN:\nSF:/ci/src/a.c\nFN:1,main\nFNDA:1,main\nDA:1,1\nDA:2,0\nDA:3,4\nBRDA:3,0,0,1\nBRDA:3,0,1,-\nLF:3\nLH:2\nend_of_record\n"),
        new("gcov", """
                    -:    0:Source:a.c
            function f called 2 returned 100% blocks executed 100%
                    2:    1:int f(int x)
                    2:    3:    if (x > 0)
            branch  0 taken 2
            branch  1 taken 0
                #####:    5:    return 0;
                    1*:   6:    g();
            """),
        new("go", "mode: set\ngithub.com/acme/x/a.go:3.10,5.2 1 1\ngithub.com/acme/x/a.go:5.2,7.3 2 0\ngithub.com/acme/x/b.go:1.1,1.20 1 1\n"),
        new("xcode", "/Users/dev/App/Greeter.swift:\n    1|      |import Foundation\n    2|     3|func greet() {\n    3|     0|    print(\"never\")\n    4|  1.2k|    loop()\n"),
        new("codecov-json", """{"coverage": {"a.c": {"0": 1, "1": 0, "2": 3, "3": "1/2", "4": "2/2", "5": null}, "b.c": [null, 1, 0]}}"""),
        new("coveralls", """{"service_name": "x", "source_files": [{"name": "src/a.py", "source_digest": "d", "coverage": [null, 3, 0, null, -1]}]}"""),
        new("simplecov", """{"timestamp": 1, "command_name": "RSpec", "files": [{"filename": "lib/a.rb", "coverage": [null, 1, 0, 5]}, {"filename": "lib/b.rb", "coverage": {"lines": [0, null, 2], "branches": []}}]}"""),
        new("coverage.py", """{"meta": {"version": "7.4.0", "show_contexts": false}, "files": {"src/a.py": {"executed_lines": [1, 2], "missing_lines": [3], "excluded_lines": [], "executed_branches": [[2, 3]], "missing_branches": [[2, 4]]}}}"""),
        new("istanbul", """{"/ci/src/a.js": {"path": "/ci/src/a.js", "statementMap": {"0": {"start": {"line": 1, "column": 0}, "end": {"line": 1, "column": 9}}, "1": {"start": {"line": 2, "column": 0}, "end": {"line": 3, "column": 1}}}, "fnMap": {}, "branchMap": {"0": {"loc": {"start": {"line": 2, "column": 0}, "end": {"line": 2, "column": 5}}, "type": "if", "locations": [{"start": {"line": 2, "column": 0}, "end": {"line": 2, "column": 5}}]}}, "s": {"0": 1, "1": 0}, "f": {}, "b": {"0": [1, 0]}}}"""),
    ];
}
