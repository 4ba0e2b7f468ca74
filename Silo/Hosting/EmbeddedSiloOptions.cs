using System.ComponentModel.DataAnnotations;

namespace Codecov.Silo.Hosting;

/// <summary>Ports of the co-hosted silo in embedded mode (<c>Embedded:*</c>); change them to run two instances side by side.</summary>
public sealed class EmbeddedSiloOptions
{
    public const string SectionName = "Embedded";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;
}
