using System.Text;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>Documents built to exhaust a recursive parser or the heap: deep nesting and huge values.</summary>
public sealed class DeepAndHugeDocumentTests
{
    private const int Depth = 200_000;

    public static TheoryData<string> XmlFormats() => new(HostileInputs.XmlFormats);
    public static TheoryData<string> JsonFormats() => new(HostileInputs.JsonFormats);

    private static string Root(string format) => format switch
    {
        "scoverage" => "statements",
        "dotcover" => "Root",
        "clover" => "coverage generated=\"1\"",
        "opencover" => "CoverageSession",
        "jacoco" => "report",
        _ => "coverage",
    };

    private static byte[] DeepXml(string format)
    {
        var root = Root(format);
        var builder = new StringBuilder($"<{root}>");
        for (var i = 0; i < Depth; i++) builder.Append("<package>");
        for (var i = 0; i < Depth; i++) builder.Append("</package>");
        return Encoding.UTF8.GetBytes(builder.Append($"</{root.Split(' ')[0]}>").ToString());
    }

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public void Deeply_nested_xml_does_not_overflow_the_stack(string format)
    {
        var input = DeepXml(format);
        SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), input), format);
        SaneOutcome.Assert(BoundedParse.Upload(input), format);
    }

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public void Deeply_nested_json_does_not_overflow_the_stack(string format)
    {
        var template = Encoding.UTF8.GetString(HostileInputs.Ordinary(format));
        // Nesting inside a value the format reads, and as the whole document.
        var inside = template.Replace("2", new string('[', Depth) + new string(']', Depth), StringComparison.Ordinal);
        var whole = "{\"coverage\": " + new string('[', Depth) + new string(']', Depth) + "}";
        foreach (var input in new[] { inside, whole })
        {
            var bytes = Encoding.UTF8.GetBytes(input);
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), bytes), format);
            SaneOutcome.Assert(BoundedParse.Upload(bytes), format);
        }
    }

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public void A_huge_attribute_value_ends_sanely(string format)
    {
        var template = Encoding.UTF8.GetString(HostileInputs.Ordinary(format));
        var huge = new string('9', 8 * 1024 * 1024);
        foreach (var input in new[] { template.Replace("=\"3\"", $"=\"{huge}\"", StringComparison.Ordinal), template.Replace("src/", huge + "/", StringComparison.Ordinal) })
            SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), Encoding.UTF8.GetBytes(input)), format);
    }

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public void A_huge_json_key_or_string_ends_sanely(string format)
    {
        var template = Encoding.UTF8.GetString(HostileInputs.Ordinary(format));
        var huge = new string('x', 8 * 1024 * 1024);
        SaneOutcome.Assert(BoundedParse.Format(HostileInputs.Format(format), Encoding.UTF8.GetBytes(template.Replace("src/", huge + "/", StringComparison.Ordinal)
            .Replace("lib/", huge + "/", StringComparison.Ordinal))), format);
    }
}
