using System.Globalization;
using System.Xml;

namespace Codecov.Grains.Formats;

/// <summary>
/// What every XML format shares: a safe streaming reader (no DTD, no resolver, so a DOCTYPE or an
/// external entity never fetches anything) and Python-like attribute parsing, with every read
/// error turned into Codecov's <c>unsupported_file_format</c>.
/// </summary>
public static class XmlReports
{
    /// <summary>Runs <paramref name="parse"/> over a safe reader; malformed XML or numbers reject the report.</summary>
    public static void Read(string format, Stream content, Action<XmlReader> parse)
    {
        try
        {
            using var reader = XmlReader.Create(content, XmlHead.SafeSettings);
            parse(reader);
        }
        catch (XmlException e)
        {
            throw ReportRejectedException.Malformed(format,
                $"the XML is not well-formed or was cut short (line {e.LineNumber}, position {e.LinePosition}).");
        }
    }

    /// <summary>The element's attribute, or throws the way Codecov's <c>attrib[...]</c> fails on a missing key.</summary>
    public static string Required(XmlReader reader, string format, string attribute) =>
        reader.GetAttribute(attribute)
        ?? throw ReportRejectedException.Malformed(format,
            $"<{reader.LocalName}> on line {LineOf(reader)} has no '{attribute}' attribute.");

    /// <summary>Python's <c>int(text)</c>: surrounding white space allowed, nothing else.</summary>
    public static long Int(string text, string format)
    {
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw ReportRejectedException.Malformed(format, $"'{Shorten(text)}' is not a whole number.");
    }

    /// <summary>Codecov's cobertura <c>Int()</c>: an integer, else the truncated float (<c>"2.0"</c> → 2).</summary>
    public static long IntOrFloat(string text, string format)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real) && Math.Abs(real) < long.MaxValue)
        {
            return (long)Math.Truncate(real);
        }
        throw ReportRejectedException.Malformed(format, $"'{Shorten(text)}' is not a number.");
    }

    /// <summary>Builds a branch fraction, rejecting counts that do not fit the line model.</summary>
    public static Reports.CoverageValue Branches(long covered, long total, string format)
    {
        if (covered is < 0 or > int.MaxValue || total is < 0 or > int.MaxValue)
            throw ReportRejectedException.Malformed(format, $"branch counts {covered}/{total} are out of range.");
        return Reports.CoverageValue.FromBranches((int)covered, (int)total);
    }

    private static int LineOf(XmlReader reader) => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
