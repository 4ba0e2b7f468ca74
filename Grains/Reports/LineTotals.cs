namespace Codecov.Grains.Reports;

/// <summary>Codecov's <c>get_line_totals</c> over an arbitrary set of lines (codecov-semantics §1 "Totals").</summary>
public static class LineTotals
{
    public static ReportTotals Of(IEnumerable<ReportLine> lines)
    {
        int hits = 0, misses = 0, partials = 0, branches = 0, methods = 0, complexity = 0, complexityTotal = 0;
        foreach (var line in lines)
        {
            switch (line.Type)
            {
                case LineType.Hit: hits++; break;
                case LineType.Miss: misses++; break;
                case LineType.Partial: partials++; break;
            }
            if (line.Kind == LineKind.Branch) branches++;
            else if (line.Kind == LineKind.Method) methods++;
            if (line.Complexity is { } c)
            {
                complexity += c.Value;
                complexityTotal += c.Total ?? 0;
            }
        }
        var total = hits + misses + partials;
        return new ReportTotals(0, total, hits, misses, partials,
            total > 0 ? CoverageRatio.Of(hits, total) : null, branches, methods, 0, 0, complexity, complexityTotal, 0);
    }

    /// <summary>Codecov's <c>sum_totals</c>: fields summed, coverage recomputed, files counted.</summary>
    public static ReportTotals Sum(IEnumerable<ReportTotals> totals)
    {
        int files = 0, lines = 0, hits = 0, misses = 0, partials = 0, branches = 0, methods = 0, complexity = 0, complexityTotal = 0;
        foreach (var t in totals)
        {
            files++;
            lines += t.Lines; hits += t.Hits; misses += t.Misses; partials += t.Partials;
            branches += t.Branches; methods += t.Methods; complexity += t.Complexity; complexityTotal += t.ComplexityTotal;
        }
        return new ReportTotals(files, lines, hits, misses, partials,
            lines > 0 ? CoverageRatio.Of(hits, lines) : null, branches, methods, 0, 0, complexity, complexityTotal, 0);
    }
}
