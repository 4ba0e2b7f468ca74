using System.Globalization;
using System.Text.RegularExpressions;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Notifications.Comments;

/// <summary>
/// The ```diff block of the comment (worker <c>mixins/message/helpers.py</c> <c>diff_to_string</c> and
/// <c>list_to_text_table</c>): columns padded by 3, a centred <c>@@ Coverage Diff @@</c> title, <c>=</c> spacers.
/// </summary>
public static partial class DiffTable
{
    private const int Padding = 3;

    public static IReadOnlyList<string> Render(CoverageRounding rounding, string baseTitle, ReportTotals? baseTotals, string headTitle, ReportTotals head)
    {
        var rows = new List<string[]>
        {
            new[] { "|##", baseTitle + "|", headTitle + "|", "+/-|", "##|" },
            CoverageRow(rounding, baseTotals?.Coverage, head.Coverage),
            // Complexity is an int here, so a rise is "-" and a fall "+" (the "-+"[c] trick with c = 0).
            IntRow("Complexity", baseTotals?.Complexity, head.Complexity, "-", "+"),
            IntRow("Files", baseTotals?.Files, head.Files, " ", " "),
            IntRow("Lines", baseTotals?.Lines, head.Lines, " ", " "),
            IntRow("Branches", baseTotals?.Branches, head.Branches, " ", " "),
            IntRow("Hits", baseTotals?.Hits, head.Hits, "+", "-"),
            IntRow("Misses", baseTotals?.Misses, head.Misses, "-", "+"),
            IntRow("Partials", baseTotals?.Partials, head.Partials, "-", "+"),
        };
        var table = Align(rows);
        var width = table[0].Length;
        var spacer = new string('=', width);
        var title = "@@" + Center("Coverage Diff", width - 4) + "@@";
        var lines = new List<string> { title, table[0], spacer, table[1], table[2], spacer, table[3], table[4], table[5], spacer, table[6], table[7], table[8] };
        if (head.Complexity == 0) lines.RemoveAt(4);
        var joined = string.Join('\n', lines.Where(l => l.Trim(' ').Length > 0)).Trim('=');
        return joined.Split('\n');
    }

    private static string[] CoverageRow(CoverageRounding rounding, string? before, string? after)
    {
        string F(string? v) => v is null ? "?" : rounding.Format(CoverageRounding.Parse(v)) + "%";
        var change = "";
        if (before is not null && after is not null)
        {
            // F(str(float(c2) - float(c1))): a float difference, printed and re-read as a Decimal.
            var difference = double.Parse(after, CultureInfo.InvariantCulture) - double.Parse(before, CultureInfo.InvariantCulture);
            change = rounding.Format(CoverageRounding.FromDoubleText(difference)) + "%";
        }
        return Row("Coverage", F(before), F(after), change, "+", "-");
    }

    private static string[] IntRow(string title, int? before, int after, string plus, string minus)
    {
        if (before == 0 && after == 0) return ["", "", "", "", ""];
        var change = before is null ? "" : (after - before.Value).ToString(CultureInfo.InvariantCulture);
        return Row(title, before?.ToString(CultureInfo.InvariantCulture) ?? "?", after.ToString(CultureInfo.InvariantCulture), change, plus, minus);
    }

    private static string[] Row(string title, string before, string after, string change, string plus, string minus)
    {
        var isZero = change is "" or "0" or "0%" || ZeroChange().IsMatch(change);
        var sign = isZero ? " " : change[0] != '-' ? plus : minus;
        return [$"{sign} {title}", before + "|", after + "|", AddPlusSign(change) + "|", ""];
    }

    /// <summary>Codecov's <c>add_plus_sign</c>: zero shows nothing, a positive value gets <c>+</c>.</summary>
    private static string AddPlusSign(string value)
    {
        if (value is "" or "0" or "0%" || ZeroChange().IsMatch(value)) return "";
        return value[0] != '-' ? "+" + value : value;
    }

    /// <summary><c>list_to_text_table</c>: a cell ending in <c>|</c> aligns right (centred if it also starts with one), others left.</summary>
    private static List<string> Align(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Trim('|').Length)).ToArray();
        return rows.Select(row => string.Join(new string(' ', Padding), row.Select((cell, i) => Fill(cell, widths[i])))).ToList();
    }

    private static string Fill(string cell, int width)
    {
        var text = cell.Trim('|');
        if (!cell.EndsWith('|')) return text.PadRight(width);
        return cell.StartsWith('|') ? Center(text, width) : text.PadLeft(width);
    }

    /// <summary>Python's <c>format(text, "^w")</c>: the odd space goes to the right.</summary>
    private static string Center(string text, int width)
    {
        var pad = Math.Max(0, width - text.Length);
        var left = pad / 2;
        return new string(' ', left) + text + new string(' ', pad - left);
    }

    [GeneratedRegex(@"^0.0+%?$")]
    private static partial Regex ZeroChange();
}
