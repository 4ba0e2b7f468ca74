using System.Runtime.CompilerServices;
using System.Text;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Formats;

/// <summary>
/// The Cobertura reader over <see cref="Utf8XmlScanner"/>: the same pass as the XmlReader one in
/// <see cref="CoberturaFormat"/>, node for node, without decoding the document to strings. It
/// gives up (returns false) on anything the scanner does not vouch for and on any element whose
/// handling would raise an error naming an XML position, so that the XmlReader reader, run
/// afresh, has the last word on every document that is not plain.
/// </summary>
internal sealed class CoberturaFastRun(string format, ReportBuilder builder, Utf8XmlScanner scanner)
{
    private readonly List<string> sources = [];
    private readonly AsciiStringCache strings = new();
    private string? file;
    private CoberturaLine? open;
    // One <line> is read at a time (a nested one is ignored), so one object serves them all.
    private readonly CoberturaLine scratch = new("", 0);

    /// <summary>True when the whole document was read; false when the XmlReader reader must read it instead.</summary>
    // Optimised at once, as the scanner's loop is: one pass over a large report leaves tiering no time to help.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Parse()
    {
        while (true)
        {
            switch (scanner.Next())
            {
                case XmlScan.StartElement:
                    if (!StartElement()) return false;
                    break;
                case XmlScan.EndElement:
                    if (open is not null && scanner.Depth == open.Depth)
                    {
                        open.AddTo(builder, format);
                        open = null;
                    }
                    break;
                case XmlScan.Text:
                    break;
                case XmlScan.EndOfDocument:
                    return true;
                default:
                    return false;
            }
        }
    }

    private bool StartElement()
    {
        var name = scanner.Value;
        // Inside an open <line>, only its <condition>s count.
        if (open is not null) return !name.SequenceEqual("condition"u8) || AddCondition(open);
        if (name.SequenceEqual("line"u8)) return file is null || StartLine(file);
        if (name.SequenceEqual("class"u8)) return StartClass();
        if (name.SequenceEqual("source"u8)) return ReadSource();
        // Scoverage statements inside a class are rare: the XmlReader reader handles them.
        if (name.SequenceEqual("statement"u8)) return file is null;
        if ((name.SequenceEqual("coverage"u8) || name.SequenceEqual("scoverage"u8)) && scanner.Depth == 0)
        {
            if (!TryAttribute("timestamp"u8, out var timestamp)) return false;
            ReportTimestamp.Check(builder, timestamp);
        }
        return true;
    }

    private bool StartClass()
    {
        if (!TryAttribute("filename"u8, out var filename) || filename is null) return false;
        file = CoberturaPaths.ResolveClassFile(builder, sources, filename);
        return true;
    }

    /// <summary>As <c>ReadElementContentAsString</c>: the element's text; a child element or a comment inside is left to XmlReader.</summary>
    private bool ReadSource()
    {
        if (scanner.IsEmptyElement) return true;
        var comments = scanner.Comments;
        string? text = null;
        while (true)
        {
            switch (scanner.Next())
            {
                case XmlScan.Text:
                    // Line ends inside the text would be normalised by XmlReader.
                    if (text is not null || scanner.Value.Contains((byte)'\r')) return false;
                    text = Ascii(scanner.Value);
                    break;
                case XmlScan.EndElement:
                    if (scanner.Comments != comments) return false;
                    CoberturaPaths.AddSource(sources, text ?? "");
                    return true;
                default:
                    return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StartLine(string path)
    {
        // Where each attribute is (-1: absent); XmlReader's loop keeps the same ones.
        int numberAt = -1, hitsAt = -1, branchAt = -1, conditionCoverageAt = -1, missingAt = -1;
        for (var i = 0; i < scanner.AttributeCount; i++)
        {
            var name = scanner.AttributeName(i);
            if (name.SequenceEqual("number"u8)) numberAt = i;
            else if (name.SequenceEqual("hits"u8)) hitsAt = i;
            else if (name.SequenceEqual("branch"u8)) branchAt = i;
            else if (name.SequenceEqual("condition-coverage"u8)) conditionCoverageAt = i;
            else if (name.SequenceEqual("missing-branches"u8)) missingAt = i;
        }
        // The missing-attribute error names the XML line: XmlReader's to raise.
        if (numberAt < 0) return false;
        if (NeedsDecoding(numberAt) || NeedsDecoding(hitsAt) || NeedsDecoding(branchAt) || NeedsDecoding(conditionCoverageAt) || NeedsDecoding(missingAt)) return false;

        // The common line: plain numbers, no branch data, no children. CoberturaLine.AddTo gives
        // exactly this for it: a hit count, a plain line, unknown missing branches.
        if (scanner.IsEmptyElement && (missingAt < 0 || scanner.AttributeValue(missingAt).IsEmpty)
            && (branchAt < 0 || !IsTrue(scanner.AttributeValue(branchAt)))
            && ReportText.PlainDigits(scanner.AttributeValue(numberAt)) is { } lineNumber
            && hitsAt >= 0 && ReportText.PlainDigits(scanner.AttributeValue(hitsAt)) is { } count)
        {
            if (lineNumber > 0) builder.AddLine(path, lineNumber, CoverageValue.FromHits(count), LineKind.Line, MissingBranches.Unknown);
            return true;
        }

        var line = scratch;
        line.Reset(path, scanner.Depth);
        line.Number = strings.Get(scanner.AttributeValue(numberAt));
        line.Hits = hitsAt >= 0 ? strings.Get(scanner.AttributeValue(hitsAt)) : null;
        line.Branch = branchAt >= 0 ? strings.Get(scanner.AttributeValue(branchAt)) : "";
        line.ConditionCoverage = conditionCoverageAt >= 0 ? strings.Get(scanner.AttributeValue(conditionCoverageAt)) : "";
        line.MissingText = missingAt >= 0 ? strings.Get(scanner.AttributeValue(missingAt)) : null;
        if (scanner.IsEmptyElement) line.AddTo(builder, format);
        else open = line;
        return true;
    }

    /// <summary>The <c>number:type</c> of a nested condition not fully covered (Groovy-style reports).</summary>
    private bool AddCondition(CoberturaLine target)
    {
        if (scanner.TryGetAttribute("coverage"u8, out var coverage) && coverage.SequenceEqual("100%"u8)) return true;
        if (!scanner.TryGetAttribute("number"u8, out var number) || number.Contains((byte)'&')
            || !scanner.TryGetAttribute("type"u8, out var type) || type.Contains((byte)'&')) return false;
        (target.Conditions ??= []).Add(strings.GetJoined(number, type));
        return true;
    }

    /// <summary>The attribute's text (null when absent); false when it holds an entity reference, left to XmlReader to decode.</summary>
    private bool TryAttribute(ReadOnlySpan<byte> name, out string? text)
    {
        text = null;
        if (!scanner.TryGetAttribute(name, out var value)) return true;
        if (value.Contains((byte)'&')) return false;
        text = Ascii(value);
        return true;
    }

    private bool NeedsDecoding(int attribute) => attribute >= 0 && scanner.AttributeValue(attribute).Contains((byte)'&');

    private static bool IsTrue(ReadOnlySpan<byte> value) => System.Text.Ascii.EqualsIgnoreCase(value, "true"u8);

    // The scanner lets only ASCII through, so this is the exact text XmlReader would give.
    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
