using System.Globalization;

namespace Codecov.Grains.Providers;

/// <summary>GitHub rejects a status description over 140 characters with a 422 (octokit-notes §11).</summary>
public static class StatusDescription
{
    public const int MaxLength = 140;

    private const string Ellipsis = "...";

    /// <summary>
    /// Cuts to at most <see cref="MaxLength"/> UTF-16 units, ending in "...", never splitting a
    /// surrogate pair or a combining sequence.
    /// </summary>
    public static string Truncate(string description)
    {
        if (description.Length <= MaxLength)
        {
            return description;
        }
        var budget = MaxLength - Ellipsis.Length;
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(description);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > budget)
            {
                break;
            }
            cut = end;
        }
        return string.Concat(description.AsSpan(0, cut), Ellipsis);
    }
}
