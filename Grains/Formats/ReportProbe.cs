using System.Text;

namespace Codecov.Grains.Formats;

/// <summary>The first bytes of a report and its file name: what a format looks at to claim it.</summary>
public sealed class ReportProbe
{
    public const int HeadSize = 64 * 1024;

    public ReportProbe(string fileName, ReadOnlyMemory<byte> head)
    {
        FileName = fileName;
        Head = head;
        Text = Encoding.UTF8.GetString(SkipBom(head.Span));
        TrimmedText = Text.TrimStart();
    }

    public string FileName { get; }
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>The head decoded as UTF-8 (invalid bytes become U+FFFD), without a byte-order mark.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> without leading white space.</summary>
    public string TrimmedText { get; }

    public bool LooksLikeXml => TrimmedText.StartsWith('<');
    public bool LooksLikeJson => TrimmedText.StartsWith('{') || TrimmedText.StartsWith('[');

    /// <summary>The first line of the report, without its line break.</summary>
    public string FirstLine
    {
        get
        {
            var end = TrimmedText.IndexOfAny(['\r', '\n']);
            return end < 0 ? TrimmedText : TrimmedText[..end];
        }
    }

    /// <summary>The local name of the XML root element, or null when the head is not XML.</summary>
    public string? XmlRootName => XmlHead.RootName(TrimmedText);

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
}
