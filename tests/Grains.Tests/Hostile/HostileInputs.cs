using System.Text;
using Codecov.Grains.Formats;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>Small report templates per format with a line number and a hit count to fill in, and the format lists the suite iterates.</summary>
public static class HostileInputs
{
    public static TheoryData<string> AllFormats()
    {
        var data = new TheoryData<string>();
        foreach (var format in FormatRegistry.Default.Formats) data.Add(format.Name);
        return data;
    }

    public static ICoverageFormat Format(string name) => FormatRegistry.Default.Formats.Single(f => f.Name == name);

    public static readonly string[] XmlFormats = ["scoverage", "dotcover", "clover", "opencover", "jacoco", "cobertura"];
    public static readonly string[] JsonFormats = ["codecov-json", "coveralls", "simplecov", "coverage.py", "istanbul"];

    /// <summary>One covered line at <c>{L}</c> with <c>{H}</c> hits, in the format's own shape.</summary>
    public static readonly IReadOnlyDictionary<string, string> LineTemplates = new Dictionary<string, string>
    {
        ["lcov"] = "SF:src/a.c\nDA:{L},{H}\nDA:{L},{H}\nBRDA:{L},0,0,{H}\nend_of_record\n",
        ["cobertura"] = """<coverage timestamp="1"><packages><package><classes><class filename="src/a.py"><lines><line number="{L}" hits="{H}"/><line number="{L}" hits="{H}" branch="true" condition-coverage="50% ({H}/{L})"/></lines></class></classes></package></packages></coverage>""",
        ["jacoco"] = """<report name="r"><package name="p"><sourcefile name="A.java"><line nr="{L}" mi="{H}" ci="{H}" mb="{H}" cb="{L}"/></sourcefile></package></report>""",
        ["clover"] = """<coverage generated="1"><project><file path="src/a.js"><line num="{L}" count="{H}" type="cond" truecount="{H}" falsecount="{L}"/></file></project></coverage>""",
        ["scoverage"] = "<statements><statement><source>src/A.scala</source><line>{L}</line><count>{H}</count><branch>true</branch><ignored>false</ignored></statement></statements>",
        ["opencover"] = """<CoverageSession><Modules><Module><Files><File uid="1" fullPath="src/A.cs"/></Files><Classes><Class><Methods><Method><SequencePoints><SequencePoint vc="{H}" sl="{L}" el="{L}" bec="{H}" bev="{L}" fileid="1"/></SequencePoints></Method></Methods></Class></Classes></Module></Modules></CoverageSession>""",
        ["dotcover"] = """<Root ReportType="DetailedXml"><File Index="1" Name="src/A.cs"/><Assembly><Statement FileIndex="1" Line="{L}" EndLine="{L}" Covered="True"/></Assembly></Root>""",
        ["go"] = "mode: count\nsrc/a.go:{L}.1,{L}.9 1 {H}\nsrc/a.go:1.1,{L}.2 1 {H}\n",
        ["gcov"] = "        -:    0:Source:a.c\n        {H}:    {L}:int f(void)\nbranch  0 taken {H}\n",
        ["xcode"] = "/src/A.swift:\n    {L}|  {H}|  call()\n",
        ["codecov-json"] = """{"coverage": {"src/a.c": {"{L}": {H}, "2": "{H}/{L}"}}}""",
        ["coveralls"] = """{"source_files": [{"name": "src/a.py", "coverage": [{H}, {L}]}]}""",
        ["simplecov"] = """{"command_name": "RSpec", "files": [{"filename": "lib/a.rb", "coverage": {"lines": [{H}, {L}]}}]}""",
        ["coverage.py"] = """{"meta": {"show_contexts": false}, "files": {"src/a.py": {"executed_lines": [{L}], "missing_lines": [{H}], "excluded_lines": []}}}""",
        ["istanbul"] = """{"src/a.js": {"path": "src/a.js", "statementMap": {"0": {"start": {"line": {L}, "column": 0}, "end": {"line": {L}, "column": 1}}}, "fnMap": {}, "branchMap": {}, "s": {"0": {H}}, "f": {}, "b": {}}}""",
    };

    public static byte[] Fill(string format, string line, string hits) =>
        Encoding.UTF8.GetBytes(LineTemplates[format].Replace("{L}", line, StringComparison.Ordinal).Replace("{H}", hits, StringComparison.Ordinal));

    /// <summary>A well-formed report of the format with one ordinary line, to splice hostile bytes into.</summary>
    public static byte[] Ordinary(string format) => Fill(format, "3", "2");
}
