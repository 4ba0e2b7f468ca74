using System.Globalization;
using System.Text.RegularExpressions;

namespace Codecov.Grains.Yaml;

/// <summary>
/// <c>codecov.max_report_age</c> as the processors use it: <c>read_yaml_field(..., "12h ago")</c>
/// then <c>Date(timestamp) &lt; max_age</c> through the <c>timestring</c> library.
/// </summary>
internal static partial class MaxReportAgeText
{
    public static readonly TimeSpan Default = TimeSpan.FromHours(12);

    /// <summary>
    /// Unset or <c>true</c> → 12 hours; <c>false</c> → no limit. An integer is falsy at 0 and
    /// otherwise compared as an epoch timestamp, a cutoff no report is older than, so both mean no
    /// limit. Strings like <c>"12h ago"</c>, <c>"7 days ago"</c>, <c>"1y ago"</c> give their span;
    /// a string we cannot read keeps the default.
    /// </summary>
    public static TimeSpan? Parse(YamlNode? node) => node switch
    {
        null or YamlScalar { Kind: YamlScalarKind.Null } => Default,
        YamlScalar { Kind: YamlScalarKind.Bool, Value: bool enabled } => enabled ? Default : null,
        YamlScalar { Kind: YamlScalarKind.String, Value: string text } => text.Length == 0 ? null : FromText(text) ?? Default,
        _ => null,
    };

    public static TimeSpan? FromText(string text)
    {
        var match = Relative().Match(text.Trim().ToLowerInvariant());
        if (!match.Success) return null;
        var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(amount),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(amount),
            "d" or "day" or "days" => TimeSpan.FromDays(amount),
            "w" or "week" or "weeks" => TimeSpan.FromDays(7 * amount),
            "mon" or "month" or "months" => TimeSpan.FromDays(30 * amount),
            _ => TimeSpan.FromDays(365 * amount),
        };
    }

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mon|months?|y|yrs?|years?)(?:\s+ago)?$")]
    private static partial Regex Relative();
}
