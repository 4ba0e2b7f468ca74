using Codecov.Grains.Commits;
using Codecov.Grains.Reports;

namespace Codecov.Grains.Queries;

/// <summary>
/// Reads a commit's merged report straight from its archive, one file at a time (stateless; key 0),
/// so a whole large report reaches the caller without ever being held in memory at once.
/// </summary>
[Alias("codecov.IReportQueryGrain")]
public interface IReportQueryGrain : IGrainWithIntegerKey
{
    /// <summary>The selected files with coverage, in path order; nothing when the commit has no report.</summary>
    [Alias("ReadFiles")]
    IAsyncEnumerable<FileCoverage> ReadFilesAsync(CommitKey commit, ReportSelection selection, CancellationToken cancellationToken = default);

    /// <summary>Totals of the selected files (Codecov's filtered report totals); null when the commit has no report.</summary>
    [Alias("Totals")]
    Task<ReportTotals?> TotalsAsync(CommitKey commit, ReportSelection selection);

    /// <summary>The commit's components (its codecov.yml) with their totals; totals are null when the commit has no report.</summary>
    [Alias("Components")]
    Task<IReadOnlyList<ComponentTotals>> ComponentsAsync(CommitKey commit);
}

/// <summary>A component with its flags resolved against the commit's flags, and its totals.</summary>
[GenerateSerializer, Immutable, Alias("codecov.ComponentTotals")]
public sealed record ComponentTotals(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Flags,
    [property: Id(3)] IReadOnlyList<string> Paths,
    [property: Id(4)] ReportTotals? Totals);

/// <summary>
/// Which part of a report: files whose path starts with <see cref="Path"/> (Codecov strips trailing
/// <c>*</c> and <c>/</c> first), the sessions of <see cref="Flag"/>, one exact <see cref="File"/>, a
/// component's sessions (<see cref="AnyFlags"/>) and files (<see cref="PathPatterns"/>), or
/// <see cref="Nothing"/>; <see cref="Lines"/> asks for each line's state as well as the totals.
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.ReportSelection")]
public sealed record ReportSelection(
    [property: Id(0)] string? Path = null,
    [property: Id(1)] string? Flag = null,
    [property: Id(2)] bool Lines = false,
    [property: Id(3)] string? File = null,
    [property: Id(4)] IReadOnlyList<string>? AnyFlags = null,
    [property: Id(5)] IReadOnlyList<string>? PathPatterns = null,
    [property: Id(6)] bool Nothing = false)
{
    public bool IsWholeReport => Path is null && Flag is null && File is null && AnyFlags is not { Count: > 0 } && PathPatterns is not { Count: > 0 } && !Nothing;
}
