using System.Globalization;

namespace Codecov.Grains.Formats;

/// <summary>
/// Reads the generation time XML reports carry, as Codecov's <c>normalize_timestamp</c> and
/// <c>is_report_expired</c> do for <c>codecov.max_report_age</c> (codecov-semantics §2): an
/// all-digit value is Unix epoch seconds, or milliseconds when it has 13 or more digits; any other
/// text is read as a date. A value that cannot be read never expires the report.
/// </summary>
public static class ReportTimestamp
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)) return null;
            if (text.Length >= 13) epoch /= 1000;
            return epoch <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
    }

    /// <summary>Rejects the report as <c>report_expired</c> when its timestamp is older than the limit.</summary>
    public static void Check(ReportBuilder builder, string? text)
    {
        if (builder.Context.MaxReportAge is null) return;
        if (Parse(text) is { } generatedAt) builder.CheckReportAge(generatedAt);
    }
}
