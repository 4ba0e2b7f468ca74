namespace Codecov.Grains.Formats;

/// <summary>
/// The <c>parsers:</c> section of codecov.yml that Codecov's processors honour (codecov-semantics §2).
/// Every switch is off when unset, as Codecov's processors read them (gcov.py reads each
/// <c>branch_detection</c> flag with a default of False).
/// </summary>
[GenerateSerializer, Immutable, Alias("codecov.ParserSettings")]
public sealed record ParserSettings
{
    public static readonly ParserSettings Default = new();

    [Id(0)] public bool CoberturaPartialsAsHits { get; init; }
    [Id(1)] public bool CoberturaHandleMissingConditions { get; init; }
    [Id(2)] public bool JacocoPartialsAsHits { get; init; }
    [Id(3)] public bool GoPartialsAsHits { get; init; }
    [Id(4)] public bool JavascriptEnablePartials { get; init; }
    [Id(5)] public bool GcovBranchDetectionConditional { get; init; }
    [Id(6)] public bool GcovBranchDetectionLoop { get; init; }
    [Id(7)] public bool GcovBranchDetectionMethod { get; init; }
    [Id(8)] public bool GcovBranchDetectionMacro { get; init; }
}
