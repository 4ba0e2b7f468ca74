using System.Globalization;
using System.Text;
using Codecov.Grains.Formats;
using Codecov.Grains.Paths;
using Codecov.Grains.Reports;
using Codecov.Grains.Tests.Fuzz;

namespace Codecov.Grains.Tests.Formats;

/// <summary>
/// The byte-scanner Cobertura reader must give exactly what the XmlReader reader gives: the same
/// lines, sessions and missing branches, the same path counts, the same rejection and message.
/// </summary>
public sealed class CoberturaFastPathTests
{
    private static readonly CoberturaFormat Format = new();

    public static TheoryData<string> Fixtures => FixtureReport.Folders("cobertura");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_is_read_by_the_fast_path_with_the_xml_reader_result(string folder)
    {
        var fixture = FixtureReport.Load(folder);
        foreach (var upload in fixture.Uploads)
        {
            var bytes = File.ReadAllBytes(Path.Combine(FixtureReport.Root, folder, upload.Report));
            var fast = fixture.NewBuilder(reportFile: upload.Report);
            Assert.True(Format.TryParseFast(new MemoryStream(bytes, writable: false), fast), $"{upload.Report} left the fast path");
            var slow = fixture.NewBuilder(reportFile: upload.Report);
            Format.ParseWithXmlReader(new MemoryStream(bytes, writable: false), slow);
            Assert.Equal(Dump(slow), Dump(fast));
        }
    }

    [Fact]
    public void Fuzz_mutants_of_cobertura_reports_give_the_same_outcome_on_both_readers()
    {
        var run = new ParserFuzzRun("cobertura");
        var iterations = Math.Max(ParserFuzzRun.Iterations, 1500);
        var readFast = 0;
        var accepted = 0;
        for (var i = 0; i < iterations; i++)
        {
            var seed = run.CaseSeed(i);
            var input = run.Mutant(seed);
            var slow = Outcome(input, fast: false);
            Assert.True(slow == Outcome(input, fast: true), $"mutant {seed} differs");
            if (!slow.StartsWith("rejected", StringComparison.Ordinal)) accepted++;
            if (Format.TryParseFast(new MemoryStream(input, writable: false), Builder())) readFast++;
        }
        // The comparison means something only if the mutants XmlReader accepts mostly stay on the fast path.
        Assert.InRange(accepted, iterations / 20, iterations);
        Assert.InRange(readFast, accepted / 2, accepted);
    }

    public static TheoryData<string> EdgeDocuments => new()
    {
        // Shapes the fast path reads itself.
        PlainWithDoctype,
        // Consecutive branch lines, with and without conditions: nothing of one line carries over to the next.
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='3' hits='0' branch='true' condition-coverage='0% (0/2)'><conditions><condition number='0' type='jump' coverage='0%'/><condition number='1' type='jump' coverage='0%'/></conditions></line><line number='4' hits='1' branch='true' condition-coverage='50% (1/2)'/><line number='5' hits='1' branch='true' condition-coverage='50% (1/4)' missing-branches='7'/><line number='6' hits='1' branch='true' condition-coverage='25% (1/4)'><conditions><condition number='2' type='jump' coverage='50%'/></conditions></line></lines></class></classes></package></packages></coverage>",
        "\uFEFF<?xml version='1.0' encoding='UTF-8' standalone='yes'?><coverage >" + Classes + "</coverage >",
        "<coverage><packages><package><classes><class filename = 'src/a.py'><lines><line number=\"3\" hits=\"2.0\" branch=\"TRUE\" condition-coverage=\"50% (1/2)\"/><line number=\" 4\" hits=\"1\"/><line number=\"0\" hits=\"1\"/><line number=\"undefined\" hits=\"1\"/></lines></class></classes></package></packages></coverage>",
        "<coverage><sources><source>/ci</source><source>relative</source><source/></sources><packages><package><classes><class filename='a.py'><lines><line number='3' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='3' hits='0' branch='true' condition-coverage='0% (0/4)'><conditions><condition number='0' type='jump' coverage='0%'/><condition number='1' type='jump' coverage='100%'/></conditions><line number='9' hits='5'/></line></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='3' hits='1' branch='true' condition-coverage='50% (1/2)' missing-branches='exit,exit'/><line number='4' hits='1' missing-branches=''/></lines></class></classes></package></packages></coverage>",
        InternalSubset,
        "<!DOCTYPE coverage PUBLIC \"-//x//y\" \"http://example.invalid/coverage.dtd\"><coverage>" + Classes + "</coverage>",
        "<coverage><packages><package><classes><class name='A&lt;T&gt;' filename='src/a.py'><methods><method signature='(&quot;&apos;&amp;)'/></methods><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        // Shapes left to XmlReader, which must decide them alone.
        "<coverage><packages><package><classes><class filename='src/a&amp;b.py'><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='1' number='2' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='1'hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/\u00e9.py'><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='1' hits='x'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename='src/a.py'><lines><line number='1' hits='1'/></lines></classes></package></packages></coverage>",
        "<coverage><!-- a -- b -->" + Classes + "</coverage>",
        "<coverage>" + Classes + "</coverage><coverage/>",
        "<coverage>" + Classes + "</coverage>trailing",
        "<coverage>" + Classes,
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><coverage>" + Classes + "</coverage>",
        "<?xml version = \"1.0\"?><coverage>" + Classes + "</coverage>",
        " <?xml version=\"1.0\"?><coverage>" + Classes + "</coverage>",
        "<coverage><packages><package><classes><class name='A&unknown;' filename='src/a.py'><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class name='A&#60;' filename='src/a.py'><lines><line number='1' hits='&#49;'/></lines></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class name='A&lt' filename='src/a.py'><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage><![CDATA[x]]>" + Classes + "</coverage>",
        "<coverage><?pi x?>" + Classes + "</coverage>",
        "<coverage xmlns='urn:x'>" + Classes + "</coverage>",
        "<c:coverage xmlns:c='urn:x'>" + Classes + "</c:coverage>",
        "<coverage><sources><source>/ci<!-- x -->/more</source></sources>" + Classes + "</coverage>",
        "<coverage><sources><source>/ci<b/></source></sources>" + Classes + "</coverage>",
        "<coverage timestamp='1'><packages><package><classes><class filename='src/a.py'><statement line='1' invocation-count='1' branch='false' method='m' ignored='false'/></class></classes></package></packages></coverage>",
        "<coverage><packages><package><classes><class filename=\"src/a\tb.py\"><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>",
        "<coverage>text ]]> here" + Classes + "</coverage>",
        "",
        "<coverage/>",
    };

    private const string PlainWithDoctype = "<?xml version=\"1.0\" ?>\n<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n<coverage><!-- made by hand --><sources><source>/ci</source></sources>" + Classes + "</coverage>";

    private const string InternalSubset = "<!DOCTYPE coverage [<!ENTITY e \"src/a.py\">]><coverage><packages><package><classes><class filename='&e;'><lines><line number='1' hits='1'/></lines></class></classes></package></packages></coverage>";

    private const string Classes =
        "<packages><package><classes><class filename=\"src/a.py\"><lines><line number=\"1\" hits=\"1\"/><line number=\"2\" hits=\"0\"/></lines></class></classes></package></packages>";

    [Theory]
    [MemberData(nameof(EdgeDocuments))]
    public void Edge_documents_give_the_same_outcome_on_both_readers(string xml)
    {
        var input = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(Outcome(input, fast: false), Outcome(input, fast: true));
    }

    [Fact]
    public void A_plain_report_with_a_doctype_and_comments_stays_on_the_fast_path()
    {
        var input = Encoding.UTF8.GetBytes(PlainWithDoctype);
        Assert.True(Format.TryParseFast(new MemoryStream(input), Builder()));
    }

    [Fact]
    public void An_internal_dtd_subset_is_never_read_by_the_fast_path()
    {
        var input = Encoding.UTF8.GetBytes(InternalSubset);
        var builder = Builder();
        Assert.False(Format.TryParseFast(new MemoryStream(input), builder));
        Assert.Empty(builder.Build().Files);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_by_xml_reader()
    {
        var input = Encoding.UTF8.GetBytes(PlainWithDoctype);
        var builder = Builder();
        Format.Parse(new ForwardOnlyStream(input), builder);
        Assert.Equal(2, builder.Build()["src/a.py"]!.Count);
    }

    private static ReportBuilder Builder() =>
        new(new ParseContext(1, new PathFixer(PathFixingRules.None, ["src/a.py", "ci/a.py"], null), ParserSettings.Default,
            DateTimeOffset.UtcNow, MaxReportAge: TimeSpan.FromDays(3650)));

    /// <summary>What one reader makes of a document: the full report, or the exception it ends with.</summary>
    private static string Outcome(byte[] input, bool fast)
    {
        var builder = Builder();
        try
        {
            var stream = new MemoryStream(input, writable: false);
            if (fast) Format.Parse(stream, builder);
            else Format.ParseWithXmlReader(stream, builder);
            return Dump(builder);
        }
        catch (ReportRejectedException e)
        {
            return $"rejected {e.Code}: {e.Message}";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Dump(ReportBuilder builder)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"matched={builder.MatchedPaths} unmatched={builder.UnmatchedPaths} rejected={builder.RejectedLines}\n");
        foreach (var file in builder.Build().Files)
        {
            text.Append(file.Path).Append('\n');
            foreach (var (number, line) in file.Lines)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {number} {line.Kind} {line.Coverage}");
                foreach (var session in line.Sessions)
                {
                    var missing = session.Missing.Ids is { } ids ? string.Join(",", ids) : "?";
                    text.Append(CultureInfo.InvariantCulture, $" [{session.SessionId} {session.Coverage} {missing} {session.Complexity}]");
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;
    }
}
