namespace Codecov.Grains.Pulls;

[GenerateSerializer, Alias("codecov.PullState")]
public sealed class PullState
{
    [Id(0)] public PullRecord? Record { get; set; }
}
