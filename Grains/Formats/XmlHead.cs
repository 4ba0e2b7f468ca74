using System.Xml;

namespace Codecov.Grains.Formats;

/// <summary>Reads just enough of an XML head to name its root element and attributes, safely.</summary>
public static class XmlHead
{
    public static XmlReaderSettings SafeSettings => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The root element's local name, or null when the text does not start as XML.</summary>
    public static string? RootName(string head) => Root(head)?.Name;

    /// <summary>The root element's local name and attributes, or null.</summary>
    public static (string Name, IReadOnlyDictionary<string, string> Attributes)? Root(string head)
    {
        if (!head.StartsWith('<')) return null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(head), SafeSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                var name = reader.LocalName;
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                if (reader.MoveToFirstAttribute())
                {
                    do attributes[reader.LocalName] = reader.Value; while (reader.MoveToNextAttribute());
                }
                return (name, attributes);
            }
        }
        catch (XmlException)
        {
            // A truncated head may still have named its root before the cut.
        }
        return null;
    }
}
