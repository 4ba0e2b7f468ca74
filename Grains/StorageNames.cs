namespace Codecov.Grains;

/// <summary>Names of the grain storage providers the grains ask for.</summary>
public static class StorageNames
{
    /// <summary>Grain state: durable files in embedded mode, Redis in cluster mode.</summary>
    public const string Grains = "grains";
}
