using System.Text;
using Codecov.Grains.Tests.Formats;

namespace Codecov.Grains.Tests.Hostile;

/// <summary>
/// Entity attacks on every XML format: internal entities that expand exponentially ("billion laughs")
/// and external entities pointing at local files or the network. DTDs are ignored and nothing is resolved,
/// so the report parses without expansion or is rejected — and nothing is fetched or read.
/// </summary>
public sealed class XmlEntityTests
{
    public static TheoryData<string> XmlFormats() => new(HostileInputs.XmlFormats);

    private static string WithDoctype(string format, string doctype, string entityUse)
    {
        var template = Encoding.UTF8.GetString(HostileInputs.Ordinary(format));
        // The entity goes where a file name is read, so an expansion would reach the report.
        return doctype + template.Replace("src/", entityUse + "src/", StringComparison.Ordinal);
    }

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++) dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        return dtd.Append("]>").ToString();
    }

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public void Billion_laughs_are_not_expanded(string format)
    {
        var input = Encoding.UTF8.GetBytes(WithDoctype(format, BillionLaughs(), "&lol9;"));
        var outcome = BoundedParse.Format(HostileInputs.Format(format), input);
        SaneOutcome.Assert(outcome, format);
        Assert.DoesNotContain(outcome.Report?.Files ?? [], f => f.Path.Contains("lol", StringComparison.Ordinal));
        SaneOutcome.Assert(BoundedParse.Upload(input), format);
    }

    [Theory]
    [MemberData(nameof(XmlFormats))]
    public void External_entities_are_neither_fetched_nor_read(string format)
    {
        using var listener = new LoopbackListener();
        var secret = Path.Combine(Path.GetTempPath(), $"hostile-secret-{Guid.NewGuid():N}");
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var doctype = $"<!DOCTYPE r SYSTEM \"{listener.Url}r.dtd\" [<!ENTITY web SYSTEM \"{listener.Url}x\"><!ENTITY file SYSTEM \"file://{secret}\"><!ENTITY % p SYSTEM \"{listener.Url}p\">%p;]>";
            foreach (var use in new[] { "&web;", "&file;" })
            {
                var outcome = BoundedParse.Format(HostileInputs.Format(format), Encoding.UTF8.GetBytes(WithDoctype(format, doctype, use)));
                SaneOutcome.Assert(outcome, $"{format} {use}");
                Assert.DoesNotContain(outcome.Report?.Files ?? [], f => f.Path.Contains("SECRET", StringComparison.Ordinal));
            }
            Thread.Sleep(100);
            Assert.Equal(0, listener.Requests);
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
